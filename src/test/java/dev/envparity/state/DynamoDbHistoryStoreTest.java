package dev.envparity.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.envparity.aws.AwsClients;
import dev.envparity.state.ServiceHistory.Environment;
import dev.envparity.state.ServiceHistory.Kind;
import dev.envparity.state.ServiceHistory.Transition;
import dev.envparity.testing.Dynalite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The history in DynamoDB, against dynalite: every history store contract, plus what only DynamoDB can get wrong. */
class DynamoDbHistoryStoreTest implements HistoryStoreContract {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);

    private static Dynalite dynalite;
    private static AwsClients aws;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynalite = Dynalite.start();
        aws = dynalite.clients();
        dynamo = aws.dynamoDb();
    }

    @AfterAll
    static void stop() {
        aws.close();
        dynalite.close();
    }

    @Override
    public HistoryStore historyStore() {
        return new DynamoDbHistoryStore(aws::dynamoDb, table(), JSON, CLOCK);
    }

    private static String table() {
        return dynalite.newTable(dynamo, "envparity-history");
    }

    private static Map<String, AttributeValue> item(String table, String service) {
        return dynamo.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("history#" + service)))).item();
    }

    /** More services than one BatchGetItem may ask for. */
    @Test
    void aCheckOfHundredsOfServicesReadsThemAll() {
        HistoryStore store = historyStore();
        List<String> services = IntStream.range(0, 250).mapToObj(i -> "service-" + i).toList();
        List<HistoryStore.Update> updates = new ArrayList<>();
        services.forEach(s -> updates.add(new HistoryStore.Update(s, 0, HistoryStoreContract.history(1, "2.4.0"))));
        assertEquals(Set.of(), store.save(updates));
        Map<String, ServiceHistory> loaded = store.load(services);
        assertEquals(Set.copyOf(services), loaded.keySet());
        assertEquals(HistoryStoreContract.history(1, "2.4.0"), loaded.get("service-249"));
    }

    /** The table's TTL deletes what no check has seen for the retention; the item stays below 400 KB. */
    @Test
    void itemsCarryTheirExpiryForTheTtlAndStaySmallAtTheLimitOfTransitions() {
        String table = table();
        HistoryStore store = new DynamoDbHistoryStore(aws::dynamoDb, table, JSON, CLOCK);
        // A full history of releases, every version as long as is kept.
        ServiceHistory full = flapping(i -> "1.0." + i + "-" + "x".repeat(ServiceHistory.MAX_VALUE - 10), i -> "4f2a9c1");
        assertEquals(Set.of(), store.save(List.of(new HistoryStore.Update("busy", 0, full))));
        Map<String, AttributeValue> item = item(table, "busy");
        assertEquals(String.valueOf(AT.plus(Duration.ofDays(90)).getEpochSecond()), item.get("expiresAt").n());
        assertTrue(item.get("history").b().asByteArray().length < 40_000, "a few KB: " + item.get("history").b().asByteArray().length);
        assertEquals(full, store.load(List.of("busy")).get("busy"));

        // The worst a service can do: every transition a new version and commit of the longest kept length, random.
        ServiceHistory hostile = flapping(DynamoDbHistoryStoreTest::random, i -> random(-i));
        assertEquals(Set.of(), store.save(List.of(new HistoryStore.Update("hostile", 0, hostile))));
        assertTrue(item(table, "hostile").get("history").b().asByteArray().length <= DynamoDbHistoryStore.MAX_ITEM_BYTES);
        List<Transition> kept = store.load(List.of("hostile")).get("hostile").transitions();
        assertTrue(kept.size() < hostile.transitions().size() && !kept.isEmpty(), "kept " + kept.size());
        assertEquals(hostile.transitions().subList(hostile.transitions().size() - kept.size(), hostile.transitions().size()), kept,
                "the newest are kept");
    }

    private static ServiceHistory flapping(IntFunction<String> version, IntFunction<String> commit) {
        List<Transition> transitions = IntStream.range(0, ServiceHistory.MAX_TRANSITIONS).mapToObj(i -> new Transition(
                AT.minusSeconds(ServiceHistory.MAX_TRANSITIONS - i), Kind.VERSION, "staging", version.apply(i), commit.apply(i), false))
                .toList();
        return new ServiceHistory(1, AT, Map.of("staging", new Environment(version.apply(1), null, AT, "UP", AT)), Map.of(),
                transitions, AT.plus(Duration.ofDays(90)));
    }

    private static String random(int seed) {
        java.util.Random r = new java.util.Random(seed);
        return r.ints(ServiceHistory.MAX_VALUE, 33, 127).mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
    }

    @Test
    void aDamagedItemStartsAgainAndIsReplacedByTheNextWrite() {
        String table = table();
        HistoryStore store = new DynamoDbHistoryStore(aws::dynamoDb, table, JSON, CLOCK);
        store.save(List.of(new HistoryStore.Update("checkout", 0, HistoryStoreContract.history(1, "2.4.0"))));
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("history#checkout"),
                "version", AttributeValue.fromN("1"), "history", AttributeValue.fromS("{not gzip"))));
        ServiceHistory seen = store.load(List.of("checkout")).get("checkout");
        assertEquals(1, seen.version());
        assertTrue(seen.transitions().isEmpty() && seen.environments().isEmpty());
        assertEquals(Set.of(), store.save(List.of(new HistoryStore.Update("checkout", 1, HistoryStoreContract.history(2, "2.4.1")))),
                "the next write repairs it");
        assertEquals(HistoryStoreContract.history(2, "2.4.1"), store.load(List.of("checkout")).get("checkout"));
    }

    /** Damaged inside (nulls where records belong), or a gzip bomb: no history, never a failed check or a full heap. */
    @Test
    void aDamagedOrHugeItemStartsAgainToo() throws Exception {
        String table = table();
        HistoryStore store = new DynamoDbHistoryStore(aws::dynamoDb, table, JSON, CLOCK);
        byte[] bomb = new byte[DynamoDbHistoryStore.MAX_UNPACKED_BYTES + 1024];
        java.util.Arrays.fill(bomb, (byte) ' ');
        for (byte[] content : List.of(
                "{\"version\":1,\"environments\":{},\"findings\":{\"UNHEALTHY production\":null},\"transitions\":[]}".getBytes(),
                "{\"version\":1,\"environments\":{},\"findings\":{},\"transitions\":[{}]}".getBytes(), bomb)) {
            java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(packed)) {
                gzip.write(content);
            }
            dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("history#checkout"),
                    "version", AttributeValue.fromN("1"), "history", AttributeValue.fromB(
                            software.amazon.awssdk.core.SdkBytes.fromByteArray(packed.toByteArray())))));
            ServiceHistory seen = store.load(List.of("checkout")).get("checkout");
            assertEquals(1, seen.version());
            assertTrue(seen.whole() && seen.transitions().isEmpty() && seen.findings().isEmpty());
        }
    }

    /** Not "no history": that would count every finding as new, and the next write would lose anyway. */
    @Test
    void aMissingTableIsAnErrorNamingTheTableAndTheOperation() {
        HistoryStore store = new DynamoDbHistoryStore(aws::dynamoDb, "no-such-table", JSON, CLOCK);
        for (var call : List.<Runnable>of(store::countCheck, store::checks, () -> store.load(List.of("checkout")),
                () -> store.save(List.of(new HistoryStore.Update("checkout", 0, HistoryStoreContract.history(1, "2.4.0")))))) {
            StateStoreException e = assertThrows(StateStoreException.class, call::run);
            assertTrue(e.getMessage().contains("DynamoDB table no-such-table") && e.getMessage().contains("ResourceNotFoundException"),
                    e.getMessage());
        }
    }
}
