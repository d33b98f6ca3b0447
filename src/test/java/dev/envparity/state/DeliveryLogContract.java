package dev.envparity.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * What every {@link DeliveryLog} promises (memory, DynamoDB): a delivery id is claimed once until it expires, and a
 * released claim lets the redelivery in — but only its own holder can release it.
 */
public interface DeliveryLogContract {

    /** A new, empty log whose clock reads {@link #now()}. */
    DeliveryLog deliveryLog();

    Instant now();

    @Test
    default void aDeliveryIsClaimedOnceUntilItExpires() {
        DeliveryLog log = deliveryLog();
        Instant in3Days = now().plus(Duration.ofDays(3));
        assertTrue(log.claim("github:72d3162e", in3Days).isPresent());
        assertEquals(Optional.empty(), log.claim("github:72d3162e", in3Days), "a replay");
        assertTrue(log.claim("github:other", in3Days).isPresent());
        assertTrue(log.claim("generic:old", now().minusSeconds(1)).isPresent());
        assertTrue(log.claim("generic:old", now().plusSeconds(600)).isPresent(), "an expired id may be used again");
    }

    @Test
    default void aReleasedClaimLetsTheRedeliveryInButOnlyItsHolderCanReleaseIt() {
        DeliveryLog log = deliveryLog();
        Instant in3Days = now().plus(Duration.ofDays(3));
        DeliveryLog.Claim first = log.claim("github:9a1b", in3Days).orElseThrow();
        log.release(new DeliveryLog.Claim("github:9a1b", "someone-else"));
        assertEquals(Optional.empty(), log.claim("github:9a1b", in3Days), "not released by a stranger");
        log.release(first);
        DeliveryLog.Claim redelivered = log.claim("github:9a1b", in3Days).orElseThrow();
        log.release(first); // a late second release of the old claim leaves the new one alone
        assertEquals(Optional.empty(), log.claim("github:9a1b", in3Days));
        log.release(redelivered);
        assertTrue(log.claim("github:9a1b", in3Days).isPresent());
    }
}
