package dev.envparity.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.envparity.aws.AwsClients;
import dev.envparity.testing.Dynalite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The function's comparisons against dynalite: every cache contract, plus what only DynamoDB can get wrong. */
class DynamoDbCompareCacheTest implements CompareCacheContract {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

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

    private static String table() {
        return dynalite.newTable(dynamo, "envparity-compare");
    }

    @Override
    public CompareCache compareCache() {
        return new DynamoDbCompareCache(aws::dynamoDb, table(), JSON, CLOCK);
    }

    @Test
    void itemsExpireForTheTablesTtlAndSitBesideTheStateStoresOwn() {
        String table = table();
        new DynamoDbCompareCache(aws::dynamoDb, table, JSON, CLOCK).remember(KEY, CompareCacheContract.answer(12, 0));
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("compare#" + KEY.id())))).item();
        assertEquals(Long.toString(NOW.plus(DynamoDbCompareCache.LIFETIME).getEpochSecond()), item.get("expiresAt").n());
        DynamoDbStateStore state = new DynamoDbStateStore(aws::dynamoDb, table, JSON, CLOCK);
        assertEquals(0, state.load("team-chat").version(), "the state store's items are its own");
    }

    @Test
    void aMissingTableOrADamagedItemIsACacheMissNotAFailedCheck() {
        DynamoDbCompareCache missing = new DynamoDbCompareCache(aws::dynamoDb, "no-such-table", JSON, CLOCK);
        missing.remember(KEY, CompareCacheContract.answer(1, 0));
        assertEquals(Optional.empty(), missing.compared(KEY));

        String table = table();
        for (String damaged : new String[] { "{\"status\": \"ahead\", \"aheadBy\"", "null", "[]", "{\"aheadBy\": 1}" }) {
            dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("compare#" + KEY.id()),
                    "answer", AttributeValue.fromS(damaged))));
            DynamoDbCompareCache cache = new DynamoDbCompareCache(aws::dynamoDb, table, JSON, CLOCK);
            assertEquals(Optional.empty(), cache.compared(KEY), damaged);
            cache.remember(KEY, CompareCacheContract.answer(1, 0));
            assertTrue(cache.compared(KEY).isPresent(), damaged);
        }
    }
}
