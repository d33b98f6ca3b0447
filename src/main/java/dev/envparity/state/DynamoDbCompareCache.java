package dev.envparity.state;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The function's comparisons, in the state table beside what {@link DynamoDbStateStore} keeps: one item
 * {@code compare#<repository>@<base>...<head>} with the answer as JSON, so that every invocation (and every cold start)
 * finds what an earlier one learnt. Items carry {@code expiresAt} (epoch seconds) {@link #LIFETIME} on, for the table's
 * TTL: a comparison never changes, but one of commits no environment runs any more is not worth keeping. A call that
 * fails or an item that cannot be read is a cache miss, logged with the SDK's exception class only: the check goes on
 * and asks the code host.
 */
public class DynamoDbCompareCache implements CompareCache {
    private static final Logger LOG = Logger.getLogger(DynamoDbCompareCache.class);
    static final Duration LIFETIME = Duration.ofDays(30);

    private final Supplier<DynamoDbClient> dynamo;
    private final String table;
    private final ObjectMapper json;
    private final Clock clock;

    /** @param dynamo built on first use, shared with the state store */
    public DynamoDbCompareCache(Supplier<DynamoDbClient> dynamo, String table, ObjectMapper json, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Optional<Answer> compared(Key key) {
        Map<String, AttributeValue> item;
        try {
            item = dynamo.get().getItem(r -> r.tableName(table).key(key(key))).item();
        } catch (SdkException e) {
            LOG.warnf("Cannot read a comparison from DynamoDB table %s (%s); asking the code host", table, e.getClass().getSimpleName());
            return Optional.empty();
        }
        AttributeValue answer = item == null ? null : item.get("answer");
        if (answer == null || answer.s() == null) {
            return Optional.empty();
        }
        try {
            Answer a = json.readValue(answer.s(), Answer.class);
            return a != null && a.status() != null ? Optional.of(a) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("A comparison in DynamoDB table %s is unreadable; asking the code host again", table);
            return Optional.empty();
        }
    }

    @Override
    public void remember(Key key, Answer answer) {
        Map<String, AttributeValue> item = key(key);
        try {
            item.put("answer", AttributeValue.fromS(json.writeValueAsString(answer)));
        } catch (IOException e) {
            LOG.warnf("Cannot write a comparison as JSON (%s)", e.getClass().getSimpleName());
            return;
        }
        item.put("expiresAt", Items.n(clock.instant().plus(LIFETIME).getEpochSecond()));
        try {
            dynamo.get().putItem(r -> r.tableName(table).item(item));
        } catch (SdkException e) {
            LOG.warnf("Cannot write a comparison to DynamoDB table %s (%s); asked again next run", table, e.getClass().getSimpleName());
        }
    }

    private static Map<String, AttributeValue> key(Key key) {
        return Items.key("compare#" + key.id());
    }
}
