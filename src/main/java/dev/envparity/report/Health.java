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
        switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "up": case "pass": case "ok": case "healthy": case "green": case "serving":
                return UP;
            case "warn": case "warning": case "degraded": case "yellow":
                return DEGRADED;
            case "down": case "fail": case "failed": case "error": case "unhealthy": case "out_of_service":
            case "red": case "critical": case "not_serving":
                return DOWN;
            default:
                return UNKNOWN;
        }
    }

    /** The worse of two readings; UNKNOWN ranks between UP and DEGRADED. */
    public static Health worse(Health a, Health b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(Health h) {
        switch (h) {
            case UP: return 0;
            case UNKNOWN: return 1;
            case DEGRADED: return 2;
            default: return 3;
        }
    }
}
