package dev.envparity.report;

import java.util.Locale;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A service's status is that of its most severe finding. Declaration order breaks ties between findings
 * of the same severity: the earlier constant is the one a human should look at first.
 */
@RegisterForReflection
public enum Status {
    UNREACHABLE(Severity.CRITICAL),
    UNHEALTHY(Severity.CRITICAL),
    /** The certificate of an https environment expires soon: warning, or critical close to the end. */
    CERTIFICATE_EXPIRING(Severity.WARNING),
    DOWNSTREAM_AHEAD(Severity.WARNING),
    DIVERGED(Severity.WARNING),
    PROMOTION_OVERDUE(Severity.WARNING),
    MISMATCH(Severity.WARNING),
    PROMOTION_PENDING(Severity.INFO),
    IN_SYNC(Severity.OK);

    public final Severity defaultSeverity;

    Status(Severity defaultSeverity) {
        this.defaultSeverity = defaultSeverity;
    }

    /** The status in words, for people: "promotion pending", "in sync". */
    public String label() {
        return name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
