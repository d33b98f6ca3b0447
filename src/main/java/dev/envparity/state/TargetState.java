package dev.envparity.state;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

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

    /**
     * @param fingerprint identifies the problem, not its wording (durations change every run)
     * @param clearSince with {@code parity.notify.confirm-after}: the first check that no longer saw the problem, while
     *        its resolution waits to be confirmed; null otherwise
     * @param clearChecks how many consecutive checks have not seen it
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record Notified(String fingerprint, Instant at, Instant clearSince, int clearChecks) {

        public Notified(String fingerprint, Instant at) {
            this(fingerprint, at, null, 0);
        }

        /** The same problem, seen by one more check without it. */
        public Notified clearedAgain(Instant now) {
            return new Notified(fingerprint, at, clearSince == null ? now : clearSince, clearChecks + 1);
        }
    }

    @RegisterForReflection
    public record Failure(Instant at, String error) {
    }
}
