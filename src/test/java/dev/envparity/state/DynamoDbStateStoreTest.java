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
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.envparity.aws.AwsClient;
import dev.envparity.testing.Dynalite;

/** The DynamoDB store against dynalite: every store contract, plus what only DynamoDB can get wrong. */
class DynamoDbStateStoreTest implements StateStoreContract, DeliveryLogContract, DeployQueueContract, SessionStoreContract {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Dynalite dynalite;
    private static AwsClient aws;
    private static int tables;

    @BeforeAll
    static void start() {
        dynalite = Dynalite.start();
        aws = dynalite.client(CLOCK);
    }

    @AfterAll
    static void stop() {
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
        String table = "envparity-test-" + (++tables);
        dynalite.createTable(aws, table);
        return new DynamoDbStateStore(aws, table, JSON, CLOCK);
    }

    private static TargetState state(long version, String fingerprint) {
        return new TargetState(version, Map.of("payments", new TargetState.Notified(fingerprint, NOW)),
                new TargetState.Failure(NOW.minusSeconds(900), "HTTP 404 channel_not_found"));
    }

    /** Reading nothing as "empty" would make the next write lose to the stored version: a false "claimed elsewhere". */
    @Test
    void aMissingTableIsAnErrorForReadsAndWrites() {
        DynamoDbStateStore store = new DynamoDbStateStore(aws, "no-such-table", JSON, CLOCK);
        StateStoreException read = assertThrows(StateStoreException.class, () -> store.load("team-chat"));
        assertTrue(read.getMessage().contains("no-such-table"), read.getMessage());
        StateStoreException write = assertThrows(StateStoreException.class, () -> store.compareAndSet("team-chat", 0, state(1, "a")));
        assertTrue(write.getMessage().contains("no-such-table"), write.getMessage());
    }

    @Test
    void aCorruptItemIsTreatedAsEmptyAndRepairedByTheNextWrite() {
        dynalite.createTable(aws, "envparity-test-corrupt");
        DynamoDbStateStore store = new DynamoDbStateStore(aws, "envparity-test-corrupt", JSON, CLOCK);
        store.compareAndSet("team-chat", 0, state(1, "aaaa"));
        store.compareAndSet("team-chat", 1, state(2, "bbbb"));
        ObjectNode item = JSON.createObjectNode();
        item.set("pk", JSON.createObjectNode().put("S", "state#team-chat"));
        item.set("version", JSON.createObjectNode().put("N", "2"));
        item.set("state", JSON.createObjectNode().put("S", "null"));
        ObjectNode put = JSON.createObjectNode().put("TableName", "envparity-test-corrupt");
        put.set("Item", item);
        aws.call("dynamodb", "DynamoDB_20120810.PutItem", "1.0", put);

        TargetState seen = store.load("team-chat");
        assertTrue(seen.services().isEmpty());
        assertTrue(store.compareAndSet("team-chat", seen.version(), state(seen.version() + 1, "cccc")), "the next write repairs it");
        assertEquals("cccc", store.load("team-chat").services().get("payments").fingerprint());
    }
}
