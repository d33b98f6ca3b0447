package dev.envparity.state;

import java.time.Instant;

/** Remembers webhook delivery ids, so that a replayed or redelivered webhook is refused. */
public interface DeliveryLog {

    /** @return true the first time {@code id} is seen before {@code expiresAt}; false for a replay */
    boolean firstDelivery(String id, Instant expiresAt);
}
