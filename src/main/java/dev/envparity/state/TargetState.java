package dev.envparity.state;

import java.time.Instant;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one chat target was last told, so that "on-change" can tell new, changed and resolved problems apart.
 *
 * @param version increases by one with every write; writes are conditional on it, so two overlapping runs
 *        cannot both post the same change
 * @param services per service with a problem this target was told about
 * @param lastFailure the last digest that could not be delivered, for the next one to mention; may be null
 */
@RegisterForReflection
public record TargetState(long version, Map<String, Notified> services, Failure lastFailure) {

    public static final TargetState EMPTY = new TargetState(0, Map.of(), null);

    /** @param fingerprint identifies the problem, not its wording (durations change every run) */
    @RegisterForReflection
    public record Notified(String fingerprint, Instant at) {
    }

    @RegisterForReflection
    public record Failure(Instant at, String error) {
    }
}
