package dev.envparity.report;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One thing worth telling a human about a service.
 *
 * @param status the service status this finding stands for
 * @param environments the environments it is about, upstream first
 * @param message a full sentence: "staging 2.4.0 is ahead of production 2.3.1 for 3d 4h (built 2026-11-23)"
 */
@RegisterForReflection
public record Finding(Kind kind, Severity severity, Status status, List<String> environments, String message) {

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
        FIELD_MISMATCH,
        /** Java, the framework or the OS differs between two environments (runtime parity). */
        RUNTIME_MISMATCH,
        /** The certificate an https environment serves expires soon. */
        TLS_EXPIRING,
        /** Two adjacent environments' certificates come from different issuers, or they negotiate different protocols. */
        TLS_MISMATCH,
        /** Two adjacent environments send different security headers, or one reveals a software version the other does not. */
        HEADERS_MISMATCH,
        /** Migrations applied upstream are not applied downstream. */
        SCHEMA_PENDING,
        /** One migration applied with different checksums in two environments: someone edited it after it ran. */
        SCHEMA_CHECKSUM,
        /** A migration is recorded as failed. */
        SCHEMA_FAILED,
        /** The migrations endpoint could not be read: the schema is not compared. */
        SCHEMA_UNKNOWN
    }
}
