package dev.envparity.state;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers webhook delivery ids, so that a replayed or redelivered webhook is refused — but only once its work
 * has started: a claim whose verification could not be launched is released, and the sender's redelivery
 * (GitHub keeps {@code X-GitHub-Delivery} when it redelivers) is then accepted.
 */
public interface DeliveryLog {

    /** @return the claim the first time {@code id} is seen before {@code expiresAt}; empty for a replay */
    Optional<Claim> claim(String id, Instant expiresAt);

    /** Forgets a claim whose work could not be started; only that claim, never a later one of the same id. */
    void release(Claim claim);

    /** @param holder random, so that releasing a claim can never remove another */
    record Claim(String id, String holder) {
    }
}
