package dev.envparity.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What each framework exposes by default; see the preset table in the README. */
public enum Preset {
    SPRING_BOOT("spring-boot", "/actuator/health", "/actuator/info", "/build/version", "/git/commit/id", "/build/time"),
    QUARKUS("quarkus", "/q/health", "/q/info", "/build/version", "/git/commit/id", "/build/time"),
    DOCKERFLOW("dockerflow", "/__heartbeat__", "/__version__", "/version", "/commit", null),
    HEALTH_JSON("health-json", "/health", "/health", "/version", "/releaseId", null),
    /** Version endpoint answers the bare version string. */
    PLAIN("plain", "/health", "/version", "", null, null);

    public final String id;
    public final String healthPath;
    public final String versionPath;
    public final String versionPointer;
    public final String commitPointer;
    public final String builtAtPointer;

    Preset(String id, String healthPath, String versionPath, String versionPointer, String commitPointer,
            String builtAtPointer) {
        this.id = id;
        this.healthPath = healthPath;
        this.versionPath = versionPath;
        this.versionPointer = versionPointer;
        this.commitPointer = commitPointer;
        this.builtAtPointer = builtAtPointer;
    }

    public static Optional<Preset> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(p -> p.id).collect(Collectors.joining(", "));
    }
}
