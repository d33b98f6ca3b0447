package dev.envparity.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * What every {@link DeployQueue} promises (memory, DynamoDB): deploy events for one service and environment merge
 * into one until it is taken — the latest version and commit win, the first arrival is kept.
 */
public interface DeployQueueContract {
    Instant FIRST = Instant.parse("2026-11-26T10:00:00Z");

    /** A new, empty queue. */
    DeployQueue deployQueue();

    @Test
    default void deploysMergeUntilTaken() {
        DeployQueue queue = deployQueue();
        PendingDeploy first = new PendingDeploy("checkout", "staging", "2.4.0", null, "github", FIRST, 1);
        PendingDeploy later = new PendingDeploy("checkout", "staging", "2.4.1", "7d5a1c0", "gitlab", FIRST.plusSeconds(3), 1);
        assertTrue(queue.offer(first));
        assertFalse(queue.offer(later));
        assertFalse(queue.offer(later));
        assertTrue(queue.offer(new PendingDeploy("payments", "staging", "1.9.0", null, "argocd", FIRST, 1)));

        assertEquals(Optional.of(new PendingDeploy("checkout", "staging", "2.4.1", "7d5a1c0", "gitlab", FIRST, 3)),
                queue.take("checkout/staging"));
        assertEquals(Optional.empty(), queue.take("checkout/staging"));
        assertTrue(queue.offer(later), "once taken, the next deploy starts a new verification");
    }
}
