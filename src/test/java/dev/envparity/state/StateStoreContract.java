package dev.envparity.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} promises (memory, file, DynamoDB): a target never told anything reads as empty, what
 * was written reads back whole, and a write succeeds only over the version it was read at — so of overlapping runs
 * exactly one claims a change. A store's test implements this interface and inherits the tests.
 */
public interface StateStoreContract {
    Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    /** A new, empty store. */
    StateStore stateStore();

    static TargetState state(long version, String fingerprint) {
        return new TargetState(version, Map.of("payments", new TargetState.Notified(fingerprint, AT)),
                new TargetState.Failure(AT.minusSeconds(900), "HTTP 404 channel_not_found"));
    }

    @Test
    default void aTargetNeverToldAnythingIsEmptyAndWhatWasWrittenReadsBackWhole() {
        StateStore store = stateStore();
        assertEquals(TargetState.EMPTY, store.load("team-chat"));
        assertTrue(store.compareAndSet("team-chat", 0, state(1, "aaaa")));
        assertEquals(state(1, "aaaa"), store.load("team-chat"));
        assertEquals(TargetState.EMPTY, store.load("other-target"));
    }

    @Test
    default void aWriteSucceedsOnlyOverTheVersionItWasReadAt() {
        StateStore store = stateStore();
        assertTrue(store.compareAndSet("team-chat", 0, state(1, "aaaa")));
        assertFalse(store.compareAndSet("team-chat", 0, state(1, "bbbb")), "a writer that read version 0 is too late");
        assertTrue(store.compareAndSet("team-chat", 1, state(2, "cccc")));
        assertEquals("cccc", store.load("team-chat").services().get("payments").fingerprint());
    }

    @Test
    default void ofOverlappingRunsExactlyOneClaimsTheChange() throws Exception {
        StateStore store = stateStore();
        store.compareAndSet("team-chat", 0, state(1, "aaaa"));
        int runs = 8;
        CountDownLatch allRead = new CountDownLatch(runs);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> claims = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(runs);
        for (int i = 0; i < runs; i++) {
            String fingerprint = "claim-" + i;
            claims.add(CompletableFuture.supplyAsync(() -> {
                TargetState seen = store.load("team-chat");
                allRead.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return store.compareAndSet("team-chat", seen.version(), state(seen.version() + 1, fingerprint));
            }, threads));
        }
        allRead.await(); // every run has read version 1 before any of them writes
        go.countDown();
        threads.shutdown();
        assertEquals(1, claims.stream().filter(CompletableFuture::join).count());
        assertEquals(2, store.load("team-chat").version());
    }
}
