package dev.envparity.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import dev.envparity.state.ServiceHistory.Environment;
import dev.envparity.state.ServiceHistory.Kind;
import dev.envparity.state.ServiceHistory.Open;
import dev.envparity.state.ServiceHistory.Transition;

/**
 * What every {@link HistoryStore} promises (memory, file, DynamoDB): nothing is known before the first check; checks
 * are counted one by one, however many runs count at once; a history reads back whole; a write succeeds only over the
 * version it was read at, so of overlapping runs exactly one records a change; and a history past its retention is
 * gone. A store's test implements this interface and inherits the tests.
 */
public interface HistoryStoreContract {
    Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    /** A new, empty store whose clock reads {@link #AT}. */
    HistoryStore historyStore();

    static ServiceHistory history(long version, String stagingVersion) {
        return new ServiceHistory(version, AT,
                Map.of("staging", new Environment(stagingVersion, "4f2a9c1", AT.minusSeconds(3600), "UP", AT.minusSeconds(7200)),
                        "production", new Environment("2.3.0", null, AT.minusSeconds(86_400), "UNREACHABLE", AT)),
                Map.of("UNREACHABLE production", new Open(AT, 41, "UNREACHABLE")),
                List.of(new Transition(AT.minusSeconds(86_400), Kind.VERSION, "production", "2.3.0", null, true),
                        new Transition(AT.minusSeconds(3600), Kind.VERSION, "staging", stagingVersion, "4f2a9c1", false),
                        new Transition(AT, Kind.HEALTH, "production", "UNREACHABLE", null, false),
                        new Transition(AT, Kind.OPENED, null, "UNREACHABLE production", null, false)),
                AT.plus(Duration.ofDays(90)));
    }

    @Test
    default void nothingIsKnownBeforeTheFirstCheck() {
        HistoryStore store = historyStore();
        assertEquals(0, store.checks());
        assertEquals(Map.of(), store.load(List.of("checkout", "payments")));
    }

    @Test
    default void aHistoryReadsBackWholeAndOnlyItsOwn() {
        HistoryStore store = historyStore();
        assertEquals(Set.of(), store.save(List.of(new HistoryStore.Update("checkout", 0, history(1, "2.4.0")))));
        assertEquals(Map.of("checkout", history(1, "2.4.0")), store.load(List.of("checkout", "payments")));
    }

    @Test
    default void checksAreCountedOneByOne() {
        HistoryStore store = historyStore();
        assertEquals(1, store.countCheck());
        assertEquals(2, store.countCheck());
        assertEquals(2, store.checks());
    }

    @Test
    default void runsCountingAtOnceEachGetTheirOwnNumber() throws Exception {
        HistoryStore store = historyStore();
        int runs = 8;
        ExecutorService threads = Executors.newFixedThreadPool(runs);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Long>> numbers = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            numbers.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return store.countCheck();
            }, threads));
        }
        go.countDown();
        Set<Long> got = new TreeSet<>();
        numbers.forEach(n -> got.add(n.join()));
        threads.shutdown();
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), got);
        assertEquals(runs, store.checks());
    }

    @Test
    default void aWriteSucceedsOnlyOverTheVersionItWasReadAtAndLosesAlone() {
        HistoryStore store = historyStore();
        store.save(List.of(new HistoryStore.Update("checkout", 0, history(1, "2.4.0"))));
        Set<String> lost = store.save(List.of(new HistoryStore.Update("checkout", 0, history(1, "2.4.1")),
                new HistoryStore.Update("payments", 0, history(1, "1.9.0"))));
        assertEquals(Set.of("checkout"), lost, "a run that read no history is too late for checkout, not for payments");
        assertEquals("2.4.0", store.load(List.of("checkout")).get("checkout").environments().get("staging").version());
        assertEquals(Set.of(), store.save(List.of(new HistoryStore.Update("checkout", 1, history(2, "2.4.1")))));
        assertEquals(history(2, "2.4.1"), store.load(List.of("checkout")).get("checkout"));
        assertEquals(history(1, "1.9.0"), store.load(List.of("payments")).get("payments"));
    }

    @Test
    default void ofOverlappingRunsExactlyOneRecordsTheChange() throws Exception {
        HistoryStore store = historyStore();
        store.save(List.of(new HistoryStore.Update("checkout", 0, history(1, "2.4.0"))));
        int runs = 8;
        CountDownLatch allRead = new CountDownLatch(runs);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(runs);
        List<CompletableFuture<Boolean>> writes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String version = "2.5." + i;
            writes.add(CompletableFuture.supplyAsync(() -> {
                ServiceHistory seen = store.load(List.of("checkout")).get("checkout");
                allRead.countDown();
                await(go);
                return store.save(List.of(new HistoryStore.Update("checkout", seen.version(), history(seen.version() + 1, version))))
                        .isEmpty();
            }, threads));
        }
        allRead.await();
        go.countDown();
        threads.shutdown();
        assertEquals(1, writes.stream().filter(CompletableFuture::join).count());
        assertEquals(2, store.load(List.of("checkout")).get("checkout").version());
    }

    @Test
    default void aHistoryPastItsRetentionIsGone() {
        HistoryStore store = historyStore();
        ServiceHistory expired = new ServiceHistory(3, AT.minus(Duration.ofDays(91)), Map.of(), Map.of(), List.of(),
                AT.minusSeconds(1));
        store.save(List.of(new HistoryStore.Update("retired", 0, expired)));
        assertEquals(Map.of(), store.load(List.of("retired")));
        assertEquals(Set.of(), store.save(List.of(new HistoryStore.Update("retired", 0, history(1, "1.0.0")))),
                "a new history starts over the expired one");
        assertTrue(store.load(List.of("retired")).containsKey("retired"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
