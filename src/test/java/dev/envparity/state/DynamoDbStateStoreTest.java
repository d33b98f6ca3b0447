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

/** The DynamoDB store against dynalite: conditional writes, replays and released claims, the deploy queue, sessions. */
class DynamoDbStateStoreTest {
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

    private static DynamoDbStateStore store() {
        String table = "envparity-test-" + (++tables);
        dynalite.createTable(aws, table);
        return new DynamoDbStateStore(aws, table, JSON, CLOCK);
    }

    private static TargetState state(long version, String fingerprint) {
        return new TargetState(version, Map.of("payments", new TargetState.Notified(fingerprint, NOW)),
                new TargetState.Failure(NOW.minusSeconds(900), "HTTP 404 channel_not_found"));
    }

    @Test
    void notificationStateIsWrittenOnlyOverTheVersionItWasReadAt() {
        DynamoDbStateStore store = store();
        assertEquals(TargetState.EMPTY, store.load("team-chat"));
        assertTrue(store.compareAndSet("team-chat", 0, state(1, "aaaa")));
        assertEquals(state(1, "aaaa"), store.load("team-chat"));
        assertFalse(store.compareAndSet("team-chat", 0, state(1, "bbbb")), "a writer that read version 0 is too late");
        assertTrue(store.compareAndSet("team-chat", 1, state(2, "cccc")));
        assertEquals("cccc", store.load("team-chat").services().get("payments").fingerprint());
        assertEquals(TargetState.EMPTY, store.load("other-target"));
    }

    @Test
    void ofTwoOverlappingInvocationsExactlyOneClaimsTheChange() throws Exception {
        DynamoDbStateStore store = store();
        store.compareAndSet("team-chat", 0, state(1, "aaaa"));
        int invocations = 8;
        CountDownLatch allRead = new CountDownLatch(invocations);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> claims = new ArrayList<>();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(invocations);
        for (int i = 0; i < invocations; i++) {
            String fp = "claim-" + i;
            claims.add(CompletableFuture.supplyAsync(() -> {
                TargetState seen = store.load("team-chat");
                allRead.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return store.compareAndSet("team-chat", seen.version(), state(seen.version() + 1, fp));
            }, threads));
        }
        allRead.await(); // every invocation has read version 1 before any of them writes
        go.countDown();
        threads.shutdown();
        assertEquals(1, claims.stream().filter(CompletableFuture::join).count());
        assertEquals(2, store.load("team-chat").version());
    }

    @Test
    void deliveriesAreRecordedOnceUntilTheyExpire() {
        DynamoDbStateStore store = store();
        assertTrue(store.claim("github:72d3162e", NOW.plus(Duration.ofDays(3))).isPresent());
        assertEquals(Optional.empty(), store.claim("github:72d3162e", NOW.plus(Duration.ofDays(3))), "a replay");
        assertTrue(store.claim("github:other", NOW.plus(Duration.ofDays(3))).isPresent());
        assertTrue(store.claim("generic:old", NOW.minusSeconds(1)).isPresent());
        assertTrue(store.claim("generic:old", NOW.plusSeconds(600)).isPresent(), "an expired id may be used again");
    }

    @Test
    void aReleasedClaimLetsTheRedeliveryInButOnlyItsHolderCanReleaseIt() {
        DynamoDbStateStore store = store();
        DeliveryLog.Claim first = store.claim("github:9a1b", NOW.plus(Duration.ofDays(3))).orElseThrow();
        store.release(new DeliveryLog.Claim("github:9a1b", "someone-else"));
        assertEquals(Optional.empty(), store.claim("github:9a1b", NOW.plus(Duration.ofDays(3))), "not released by a stranger");
        store.release(first);
        DeliveryLog.Claim redelivered = store.claim("github:9a1b", NOW.plus(Duration.ofDays(3))).orElseThrow();
        store.release(first); // a late second release of the old claim leaves the new one alone
        assertEquals(Optional.empty(), store.claim("github:9a1b", NOW.plus(Duration.ofDays(3))));
        store.release(redelivered);
        assertTrue(store.claim("github:9a1b", NOW.plus(Duration.ofDays(3))).isPresent());
    }

    @Test
    void sessionsAreStoredUnderTheirKeyUntilRemoved() {
        DynamoDbStateStore store = store();
        SessionStore.Session session = new SessionStore.Session("binding-1", NOW.plus(Duration.ofHours(12)));
        assertEquals(Optional.empty(), store.session("k1"));
        store.putSession("k1", session);
        assertEquals(Optional.of(session), store.session("k1"));
        assertEquals(Optional.empty(), store.session("k2"));
        store.removeSession("k1");
        assertEquals(Optional.empty(), store.session("k1"));
        store.removeSession("k1"); // signing out twice is not an error
    }

    @Test
    void deploysMergeUntilTaken() {
        DynamoDbStateStore store = store();
        PendingDeploy first = new PendingDeploy("checkout", "staging", "2.4.0", null, "github", NOW, 1);
        PendingDeploy later = new PendingDeploy("checkout", "staging", "2.4.1", "7d5a1c0", "gitlab", NOW.plusSeconds(3), 1);
        assertTrue(store.offer(first));
        assertFalse(store.offer(later));
        assertFalse(store.offer(later));
        assertTrue(store.offer(new PendingDeploy("payments", "staging", "1.9.0", null, "argocd", NOW, 1)));

        Optional<PendingDeploy> taken = store.take("checkout/staging");
        assertEquals(Optional.of(new PendingDeploy("checkout", "staging", "2.4.1", "7d5a1c0", "gitlab", NOW, 3)), taken);
        assertEquals(Optional.empty(), store.take("checkout/staging"));
        assertTrue(store.offer(later), "once taken, the next deploy starts a new verification");
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
