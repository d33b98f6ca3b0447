package dev.envparity.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a service is checked for beyond its version, resolved: the runtime fields its preset publishes, whether the
 * certificates of its https environments are read, and its security header checklist.
 *
 * @param runtime the runtime fields its preset publishes, among the aspects asked for; empty: runtime parity off
 * @param tls whether the certificate and protocol of its https environments are kept and judged
 * @param securityHeaders the header checklist, names as configured (they compare case-insensitively); empty: off
 * @param schema its migrations endpoint, or null when its schema is not compared
 */
public record ServiceChecks(List<RuntimeField> runtime, boolean tls, List<String> securityHeaders, SchemaSource schema) {

    /** Nothing beyond versions (tests, tools). */
    public static final ServiceChecks NONE = new ServiceChecks(List.of(), false, List.of(), null);

    /** What {@code parity.runtime} compares when it is not set. */
    public static final List<String> DEFAULT_RUNTIME = List.of("java", "framework");
    /** Every aspect a preset may publish. */
    static final List<String> ASPECTS = List.of("java", "framework", "os");
    /** What {@code parity.security-headers} checks when it is not set. */
    public static final List<String> DEFAULT_SECURITY_HEADERS = List.of("Strict-Transport-Security",
            "Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
            "Server", "X-Powered-By");

    private static final String NONE_WORD = "none";
    /** RFC 9110 §5.1: a field name is a token. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public ServiceChecks {
        runtime = List.copyOf(runtime);
        securityHeaders = List.copyOf(securityHeaders);
    }

    /**
     * One runtime aspect as a preset publishes it in its version document.
     *
     * @param aspect java | framework | os
     * @param label written before the values ("Java"; "" when the values name themselves, as an OS's do)
     * @param values JSON Pointers whose values, joined by spaces, are the aspect ("17.0.9"); none present: the
     *        environment does not publish the aspect
     * @param details pointers whose values follow in brackets ("(Eclipse Adoptium)")
     */
    public record RuntimeField(String aspect, String label, List<String> values, List<String> details) {
        public RuntimeField {
            values = List.copyOf(values);
            details = List.copyOf(details);
        }
    }

    /** The migration tools whose Spring Boot actuator endpoints envparity reads. */
    public enum SchemaTool {
        /** https://docs.spring.io/spring-boot/api/rest/actuator/flyway.html */
        FLYWAY("flyway", "/actuator/flyway"),
        /** https://docs.spring.io/spring-boot/api/rest/actuator/liquibase.html */
        LIQUIBASE("liquibase", "/actuator/liquibase");

        public final String id;
        final String springBootPath;

        SchemaTool(String id, String springBootPath) {
            this.id = id;
            this.springBootPath = springBootPath;
        }
    }

    /** @param path appended to each environment's base URL */
    public record SchemaSource(SchemaTool tool, String path) {
    }

    /** The parity-wide switches every service starts from. */
    record Defaults(List<String> runtime, boolean tls, List<String> securityHeaders) {
        static Defaults resolve(ParityConfig config, boolean tls, Problems problems) {
            return new Defaults(aspects("parity.runtime", config.runtime(), DEFAULT_RUNTIME, problems), tls,
                    headers("parity.security-headers", config.securityHeaders(), DEFAULT_SECURITY_HEADERS, problems));
        }
    }

    /** @param key the service's key, "parity.services.checkout" */
    static ServiceChecks resolve(String key, ParityConfig.Service s, Preset preset, Defaults defaults, Problems problems) {
        List<String> aspects = aspects(key + ".runtime", s.runtime(), defaults.runtime(), problems);
        return new ServiceChecks(aspects.stream().map(preset::runtime).flatMap(Optional::stream).toList(),
                defaults.tls() && s.tls().orElse(true),
                headers(key + ".security-headers", s.securityHeaders(), defaults.securityHeaders(), problems),
                schema(key, s, preset, problems));
    }

    private static SchemaSource schema(String key, ParityConfig.Service s, Preset preset, Problems problems) {
        if (s.schema().isEmpty()) {
            if (s.schemaPath().isPresent()) {
                problems.add(key + ".schema-path: set, but schema is not; add schema: flyway or schema: liquibase");
            }
            return null;
        }
        String id = s.schema().get().strip().toLowerCase(Locale.ROOT);
        SchemaTool tool = id.equals("flyway") ? SchemaTool.FLYWAY : id.equals("liquibase") ? SchemaTool.LIQUIBASE : null;
        if (tool == null) {
            problems.add(key + ".schema: unknown; use flyway or liquibase");
            return null;
        }
        String path = s.schemaPath().orElse(preset == Preset.SPRING_BOOT ? tool.springBootPath : null);
        if (path == null) {
            problems.add(key + ".schema-path: missing; the " + preset.id + " preset has no " + tool.id
                    + " endpoint, so give the path of one shaped like Spring Boot's " + tool.springBootPath);
            return null;
        }
        if (!path.startsWith("/")) {
            problems.add(key + ".schema-path: must start with '/'");
            return null;
        }
        if (!ServiceSpec.isUrlPath(path)) {
            problems.add(key + ".schema-path: not a valid URL path; escape spaces and special characters (%20)");
            return null;
        }
        return new SchemaSource(tool, path);
    }

    private static List<String> aspects(String key, Optional<List<String>> configured, List<String> fallback,
            Problems problems) {
        List<String> values = switched(key, configured, fallback, "runtime parity", problems);
        for (int i = 0; i < values.size() && configured.isPresent(); i++) {
            if (!ASPECTS.contains(values.get(i))) {
                problems.add(key + "[" + i + "]: unknown runtime aspect; use " + String.join(", ", ASPECTS) + " or none");
            }
        }
        return values.stream().filter(ASPECTS::contains).distinct().toList();
    }

    private static List<String> headers(String key, Optional<List<String>> configured, List<String> fallback,
            Problems problems) {
        List<String> values = switched(key, configured, fallback, "the security header checklist", problems);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < values.size() && configured.isPresent(); i++) {
            String name = values.get(i).toLowerCase(Locale.ROOT);
            if (!HEADER_NAME.matcher(name).matches()) {
                problems.add(key + "[" + i + "]: not a valid header name");
            } else if (seen.contains(name)) {
                problems.add(key + "[" + i + "]: listed twice");
            }
            seen.add(name);
        }
        return values;
    }

    /** The list as given, the fallback when not given, or nothing for {@code none}. */
    private static List<String> switched(String key, Optional<List<String>> configured, List<String> fallback,
            String check, Problems problems) {
        if (configured.isEmpty()) {
            return fallback;
        }
        List<String> values = configured.get().stream().map(String::strip).toList();
        if (values.stream().anyMatch(NONE_WORD::equalsIgnoreCase)) {
            if (values.size() > 1) {
                problems.add(key + ": none turns " + check + " off and stands alone; remove it or the other entries");
            }
            return List.of();
        }
        return values;
    }

    @Override
    public String toString() {
        return "ServiceChecks[runtime=" + runtime.stream().map(RuntimeField::aspect).collect(Collectors.joining(","))
                + ", tls=" + tls + ", securityHeaders=" + securityHeaders + ", schema=" + schema + "]";
    }
}
