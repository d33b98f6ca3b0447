package dev.envparity.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What envparity remembers of one service: what each environment runs and how it is, since when; the findings seen by
 * every check since they appeared; and the transitions that led there. Transitions, not checks: a service that does
 * not change adds nothing.
 *
 * @param version increases by one with every write; writes are conditional on it, so overlapping runs do not record
 *        the same change twice
 * @param observedAt when the check this history last took in started; an older run finishing later changes nothing
 * @param environments by name: the current state of each
 * @param findings by key ({@code "UNHEALTHY production"}): the findings seen by every check since they appeared
 * @param transitions oldest first; those older than the retention are dropped, and the oldest beyond
 *        {@link #MAX_TRANSITIONS}
 * @param expiresAt when the whole history may be forgotten (the service was not checked for the retention period)
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceHistory(long version, Instant observedAt, Map<String, Environment> environments,
        Map<String, Open> findings, List<Transition> transitions, Instant expiresAt) {

    /**
     * Bounds a service's history, whatever its services report and however often they flap: about 100 bytes each, a
     * history stays well below DynamoDB's 400 KB item limit
     * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items).
     */
    public static final int MAX_TRANSITIONS = 1500;
    /** A version string longer than this is kept cut (a service may report anything). */
    public static final int MAX_VALUE = 120;

    public static final ServiceHistory EMPTY = new ServiceHistory(0, null, Map.of(), Map.of(), List.of(), null);

    /**
     * Whether every part a check reads is there. A stored document can be damaged anywhere (a hand edit, a partial
     * write, another tool): nulls where records belong make it no history, which the stores replace, never a check
     * that fails.
     */
    @JsonIgnore
    public boolean whole() {
        return environments != null && findings != null && transitions != null
                && environments.values().stream().allMatch(e -> e != null)
                && findings.values().stream().allMatch(o -> o != null && o.since() != null && o.status() != null)
                && transitions.stream().allMatch(t -> t != null && t.at() != null && t.kind() != null);
    }

    /**
     * One environment, as last seen.
     *
     * @param version the last version it reported (an unreachable environment keeps the one it had)
     * @param versionSince when that version was first seen there
     * @param health UP, DEGRADED, DOWN, UNKNOWN, or UNREACHABLE
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Environment(String version, String commit, Instant versionSince, String health, Instant healthSince) {
    }

    /**
     * A finding seen by every check since it appeared.
     *
     * @param sinceCheck the number of the check that first saw it: {@code checks} is the current number minus this, plus one
     */
    @RegisterForReflection
    public record Open(Instant since, long sinceCheck, String status) {
    }

    /**
     * One change.
     *
     * @param environment the environment of a version or health change; null for a finding
     * @param value the new version, the new health, or the finding's key
     * @param commit with a version, the commit it runs, if known
     * @param initial the first sighting when envparity began to record: it was there already, since an unknown time
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record Transition(Instant at, Kind kind, String environment, String value, String commit, boolean initial) {
    }

    @RegisterForReflection
    public enum Kind {
        /** An environment runs a version it did not run at the last check. */
        VERSION,
        /** An environment's health changed (UNREACHABLE counts as a health here). */
        HEALTH,
        /** A finding appeared. */
        OPENED,
        /** A finding is gone. */
        CLOSED
    }
}
