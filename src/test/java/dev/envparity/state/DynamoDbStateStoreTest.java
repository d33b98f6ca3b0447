package dev.envparity.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.envparity.aws.AwsClients;
import dev.envparity.testing.Dynalite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The DynamoDB store against dynalite: every store contract, plus what only DynamoDB can get wrong. */
class DynamoDbStateStoreTest implements StateStoreContract, DeliveryLogContract, DeployQueueContract, SessionStoreContract {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
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

    @Override
    public StateStore stateStore() {
        return store();
    }

    @Override
    public DeliveryLog deliveryLog() {
        return store();
    }

    @Override
    public Instant now() {
        return NOW;
    }

    @Override
    public DeployQueue deployQueue() {
        return store();
    }

    @Override
    public SessionStore sessionStore() {
        return store();
    }

    private static DynamoDbStateStore store() {
        return new DynamoDbStateStore(aws::dynamoDb, dynalite.newTable(dynamo, "envparity-test"), JSON, CLOCK);
    }

    private static TargetState state(long version, String fingerprint) {
        return new TargetState(version, Map.of("payments", new TargetState.Notified(fingerprint, NOW)),
                new TargetState.Failure(NOW.minusSeconds(900), "HTTP 404 channel_not_found"));
    }

    /** Reading nothing as "empty" would make the next write lose to the stored version: a false "claimed elsewhere". */
    @Test
    void aMissingTableIsAnErrorForReadsAndWrites() {
        DynamoDbStateStore store = new DynamoDbStateStore(aws::dynamoDb, "no-such-table", JSON, CLOCK);
        StateStoreException read = assertThrows(StateStoreException.class, () -> store.load("team-chat"));
        assertTrue(read.getMessage().contains("no-such-table"), read.getMessage());
        assertTrue(read.getMessage().contains("DynamoDb GetItem: ResourceNotFoundException"), "names the operation: " + read.getMessage());
        StateStoreException write = assertThrows(StateStoreException.class, () -> store.compareAndSet("team-chat", 0, state(1, "a")));
        assertTrue(write.getMessage().contains("no-such-table"), write.getMessage());
        assertTrue(write.getMessage().contains("DynamoDb PutItem: ResourceNotFoundException"), "names the operation: " + write.getMessage());
    }

    @Test
    void aCorruptItemIsTreatedAsEmptyAndRepairedByTheNextWrite() {
        dynalite.createTable(dynamo, "envparity-test-corrupt");
        DynamoDbStateStore store = new DynamoDbStateStore(aws::dynamoDb, "envparity-test-corrupt", JSON, CLOCK);
        store.compareAndSet("team-chat", 0, state(1, "aaaa"));
        store.compareAndSet("team-chat", 1, state(2, "bbbb"));
        dynamo.putItem(r -> r.tableName("envparity-test-corrupt").item(Map.of("pk", AttributeValue.fromS("state#team-chat"),
                "version", AttributeValue.fromN("2"), "state", AttributeValue.fromS("null"))));

        TargetState seen = store.load("team-chat");
        assertTrue(seen.services().isEmpty());
        assertTrue(store.compareAndSet("team-chat", seen.version(), state(seen.version() + 1, "cccc")), "the next write repairs it");
        assertEquals("cccc", store.load("team-chat").services().get("payments").fingerprint());
    }
}
