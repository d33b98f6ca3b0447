package dev.envparity.state;

import static dev.envparity.state.Items.key;
import static dev.envparity.state.Items.n;
import static dev.envparity.state.Items.number;
import static dev.envparity.state.Items.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.state.ServiceHistory.Transition;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The history in the state store's DynamoDB table (partition key {@code pk}), shared by every Lambda invocation:
 * <ul>
 * <li>{@code history#checks} — the number of checks so far, counted with an atomic {@code ADD};</li>
 * <li>{@code history#<service>} — one service's {@link ServiceHistory}, gzipped JSON in {@code history}, with the
 * {@code version} every write is conditional on (so of overlapping runs exactly one records a change) and
 * {@code expiresAt} (epoch seconds) for the table's TTL: a service no check has seen for the retention period is
 * deleted by DynamoDB itself.</li>
 * </ul>
 * An item stays below DynamoDB's 400 KB limit
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items): a history holds
 * at most {@link ServiceHistory#MAX_TRANSITIONS} transitions of bounded length, compressed it takes a few KB, and one
 * that would still exceed {@link #MAX_ITEM_BYTES} (a service reporting a new random version every check) keeps only
 * its newest transitions. Expiry is also
 * checked on reads and in the write conditions, since TTL deletes lazily
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html).
 */
public class DynamoDbHistoryStore implements HistoryStore {
    private static final Logger LOG = Logger.getLogger(DynamoDbHistoryStore.class);
    private static final String CHECKS = "history#checks";
    /** BatchGetItem takes at most 100 keys (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html). */
    private static final int BATCH = 100;
    /** Unprocessed keys (throttling) are asked for again this often before the read is an error. */
    private static final int BATCH_ATTEMPTS = 5;
    /** The compressed history's budget, leaving room below 400 KB for the key and the other attributes. */
    static final int MAX_ITEM_BYTES = 300_000;
    /** A history this store wrote unpacks to well under this (1,500 transitions of short values); more is damage. */
    static final int MAX_UNPACKED_BYTES = 8 * 1024 * 1024;

    private final Supplier<DynamoDbClient> dynamo;
    private final String table;
    private final ObjectMapper json;
    private final Clock clock;

    /** @param dynamo built on first use (the client resolves its region and credentials then) */
    public DynamoDbHistoryStore(Supplier<DynamoDbClient> dynamo, String table, ObjectMapper json, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public long countCheck() {
        try {
            Map<String, AttributeValue> counted = dynamo.get().updateItem(r -> r.tableName(table).key(key(CHECKS))
                    .updateExpression("ADD checks :one").expressionAttributeValues(Map.of(":one", n(1)))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            return number(counted, "checks");
        } catch (SdkException e) {
            throw failed("count a check in", e);
        }
    }

    @Override
    public long checks() {
        try {
            Map<String, AttributeValue> item = dynamo.get().getItem(r -> r.tableName(table).key(key(CHECKS)).consistentRead(true)).item();
            return item == null ? 0 : number(item, "checks");
        } catch (SdkException e) {
            throw failed("read the number of checks from", e);
        }
    }

    /** Consistent reads: a write is conditional on the version read, and a stale one would only lose. */
    @Override
    public Map<String, ServiceHistory> load(Collection<String> services) {
        List<String> names = List.copyOf(new LinkedHashSet<>(services));
        Map<String, ServiceHistory> found = new HashMap<>();
        try {
            for (int from = 0; from < names.size(); from += BATCH) {
                for (Map<String, AttributeValue> item : batch(names.subList(from, Math.min(names.size(), from + BATCH)))) {
                    String service = text(item, "pk").substring("history#".length());
                    ServiceHistory h = read(service, item);
                    if (!HistoryStore.expired(h, clock.instant())) {
                        found.put(service, h);
                    }
                }
            }
        } catch (SdkException e) {
            throw failed("read the history from", e);
        }
        return found;
    }

    private List<Map<String, AttributeValue>> batch(List<String> services) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        services.forEach(s -> keys.add(key("history#" + s)));
        Map<String, KeysAndAttributes> asked = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int attempt = 1; !asked.isEmpty(); attempt++) {
            if (attempt > BATCH_ATTEMPTS) {
                throw new StateStoreException("cannot read the history from DynamoDB table " + table
                        + " (BatchGetItem left keys unprocessed " + BATCH_ATTEMPTS + " times)", null);
            }
            Map<String, KeysAndAttributes> request = asked;
            var answer = dynamo.get().batchGetItem(r -> r.requestItems(request));
            items.addAll(answer.responses().getOrDefault(table, List.of()));
            asked = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
        }
        return items;
    }

    /** A damaged item is a new history at the stored version, so that the next write replaces it. */
    private ServiceHistory read(String service, Map<String, AttributeValue> item) {
        long version = number(item, "version");
        AttributeValue stored = item.get("history");
        try (InputStream in = new GZIPInputStream(stored == null || stored.b() == null ? InputStream.nullInputStream()
                : stored.b().asInputStream())) {
            // Unpacked with a cap: a damaged or hostile item of 300 KB could otherwise inflate to hundreds of MB.
            byte[] unpacked = in.readNBytes(MAX_UNPACKED_BYTES + 1);
            ServiceHistory h = unpacked.length > MAX_UNPACKED_BYTES ? null : json.readValue(unpacked, ServiceHistory.class);
            if (h != null && h.version() == version && h.whole()) {
                return h;
            }
        } catch (IOException | RuntimeException e) {
            // reported below
        }
        LOG.warnf("The history of %s in DynamoDB table %s is unreadable; it starts again", service, table);
        return new ServiceHistory(version, null, Map.of(), Map.of(), List.of(), null);
    }

    @Override
    public Set<String> save(List<Update> updates) {
        Set<String> lost = new HashSet<>();
        long now = clock.instant().getEpochSecond();
        for (Update u : updates) {
            Map<String, AttributeValue> item = key("history#" + u.service());
            item.put("version", n(u.next().version()));
            item.put("history", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(bounded(u.next()))));
            if (u.next().expiresAt() != null) {
                item.put("expiresAt", n(u.next().expiresAt().getEpochSecond()));
            }
            // None was read: there is none, or only one past its retention that TTL has not deleted yet.
            String condition = u.expectedVersion() == 0
                    ? "attribute_not_exists(pk) OR attribute_not_exists(#v) OR expiresAt <= :now" : "#v = :expected";
            Map<String, AttributeValue> values = u.expectedVersion() == 0 ? Map.of(":now", n(now)) : Map.of(":expected", n(u.expectedVersion()));
            try {
                dynamo.get().putItem(r -> r.tableName(table).item(item).conditionExpression(condition)
                        .expressionAttributeNames(Map.of("#v", "version")).expressionAttributeValues(values));
            } catch (ConditionalCheckFailedException e) {
                lost.add(u.service());
            } catch (SdkException e) {
                throw failed("write the history of " + u.service() + " to", e);
            }
        }
        return lost;
    }

    /** The compressed history; the oldest half of its transitions dropped as long as it exceeds the budget. */
    private byte[] bounded(ServiceHistory h) {
        byte[] bytes = gzip(h);
        while (bytes.length > MAX_ITEM_BYTES && !h.transitions().isEmpty()) {
            List<Transition> t = h.transitions();
            h = new ServiceHistory(h.version(), h.observedAt(), h.environments(), h.findings(), t.subList(t.size() / 2, t.size()),
                    h.expiresAt());
            bytes = gzip(h);
        }
        return bytes;
    }

    private byte[] gzip(ServiceHistory h) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            json.writeValue(out, h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private StateStoreException failed(String what, SdkException e) {
        return new StateStoreException("cannot " + what + " DynamoDB table " + table + " (" + e.getMessage() + ")", e);
    }
}
