package dev.envparity.state;

import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the DynamoDB stores share about an item: its key, and reading attributes that may be damaged. */
final class Items {
    private Items() {
    }

    /** A mutable map: the item's other attributes are added to it. */
    static Map<String, AttributeValue> key(String pk) {
        Map<String, AttributeValue> k = new HashMap<>();
        k.put("pk", AttributeValue.fromS(pk));
        return k;
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** The attribute's string, or "" when it is missing or not a string (a damaged item). */
    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? "" : v.s();
    }

    /** The attribute's number, or 0 when the item or the attribute is missing or not a whole number. */
    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item == null ? null : item.get(name);
        try {
            return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
