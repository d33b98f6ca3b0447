package dev.envparity.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.envparity.config.ServiceChecks.RuntimeField;

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
    /** The runtime aspects its version document publishes (see {@link #runtime(String)}). */
    private final Map<String, RuntimeField> runtime;

    Preset(String id, String healthPath, String versionPath, String versionPointer, String commitPointer,
            String builtAtPointer) {
        this.id = id;
        this.healthPath = healthPath;
        this.versionPath = versionPath;
        this.versionPointer = versionPointer;
        this.commitPointer = commitPointer;
        this.builtAtPointer = builtAtPointer;
        this.runtime = switch (id) {
            // Spring Boot's info contributors java and os (off by default: management.info.java.enabled,
            // management.info.os.enabled): https://docs.spring.io/spring-boot/reference/actuator/endpoints.html#actuator.endpoints.info
            // It publishes no version of its own, so there is no framework aspect.
            case "spring-boot" -> Map.of(
                    "java", new RuntimeField("java", "Java", List.of("/java/version"), List.of("/java/vendor/name")),
                    "os", os());
            // quarkus-info's java, os and build sections: https://quarkus.io/guides/info
            case "quarkus" -> Map.of(
                    "java", new RuntimeField("java", "Java", List.of("/java/version"), List.of("/java/vendor")),
                    "framework", new RuntimeField("framework", "Quarkus", List.of("/build/quarkusVersion"), List.of()),
                    "os", os());
            default -> Map.of();
        };
    }

    /** Both frameworks' os section: name, version and architecture. */
    private static RuntimeField os() {
        return new RuntimeField("os", "", List.of("/os/name", "/os/version", "/os/arch"), List.of());
    }

    /** Where its version document publishes one runtime aspect (java, framework, os), if it does. */
    public Optional<RuntimeField> runtime(String aspect) {
        return Optional.ofNullable(runtime.get(aspect));
    }

    public static Optional<Preset> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(p -> p.id).collect(Collectors.joining(", "));
    }
}
