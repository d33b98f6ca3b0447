package dev.envparity.report;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One thing worth telling a human about a service.
 *
 * @param status the service status this finding stands for
 * @param environments the environments it is about, upstream first
 * @param message a full sentence: "staging 2.4.0 is ahead of production 2.3.1 for 3d 4h (built 2026-11-23)"
 * @param since when it was first seen, seen by every check since (the history); null when unknown
 * @param checks how many consecutive checks have seen it; null when unknown
 * @param confirmed false while it has not persisted for {@code parity.notify.confirm-after}: shown, not notified
 */
@RegisterForReflection
public record Finding(Kind kind, Severity severity, Status status, List<String> environments, String message,
        Instant since, Integer checks, boolean confirmed) {

    /** As the comparator finds it: how long it has been seen is for the history to tell. */
    public Finding(Kind kind, Severity severity, Status status, List<String> environments, String message) {
        this(kind, severity, status, environments, message, null, null, true);
    }

    public Finding seen(Instant firstSeen, Integer consecutiveChecks) {
        return new Finding(kind, severity, status, environments, message, firstSeen, consecutiveChecks, confirmed);
    }

    public Finding confirmed(boolean isConfirmed) {
        return new Finding(kind, severity, status, environments, message, since, checks, isConfirmed);
    }

    @RegisterForReflection
    public enum Kind {
        UNREACHABLE,
        UNHEALTHY,
        DEGRADED,
        /** The service answered, but says its own health is UNKNOWN (Spring Boot's status when no indicator could tell). */
        HEALTH_UNKNOWN,
        VERSION_DRIFT,
        DOWNSTREAM_AHEAD,
        DIVERGED,
        CHECKS_MISMATCH,
        FIELD_MISMATCH
    }
}
