package dev.envparity.report;

import java.util.Locale;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Health as envparity reports it, whatever words the service used. */
@RegisterForReflection
public enum Health {
    UP, DEGRADED, DOWN, UNKNOWN;

    /**
     * Maps the status words of the formats we read (Spring Boot, MicroProfile, health+json, ASP.NET Core,
     * Dockerflow, gRPC health, Kubernetes) onto our four values. Unknown words stay UNKNOWN.
     */
    public static Health fromWord(String word) {
        if (word == null) {
            return UNKNOWN;
        }
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "up", "pass", "ok", "healthy", "green", "serving" -> UP;
            case "warn", "warning", "degraded", "yellow" -> DEGRADED;
            case "down", "fail", "failed", "error", "unhealthy", "out_of_service", "red", "critical", "not_serving" -> DOWN;
            default -> UNKNOWN;
        };
    }

    /** The worse of two readings; UNKNOWN ranks between UP and DEGRADED. */
    public static Health worse(Health a, Health b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(Health h) {
        return switch (h) {
            case UP -> 0;
            case UNKNOWN -> 1;
            case DEGRADED -> 2;
            case DOWN -> 3;
        };
    }
}
