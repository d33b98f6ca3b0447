package dev.envparity.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a service is checked for beyond its version, resolved: the runtime fields its preset publishes, and whether
 * the certificates of its https environments are read.
 *
 * @param runtime the runtime fields its preset publishes, among the aspects asked for; empty: runtime parity off
 * @param tls whether the certificate and protocol of its https environments are kept and judged
 */
public record ServiceChecks(List<RuntimeField> runtime, boolean tls) {

    /** Nothing beyond versions (tests, tools). */
    public static final ServiceChecks NONE = new ServiceChecks(List.of(), false);

    /** What {@code parity.runtime} compares when it is not set. */
    public static final List<String> DEFAULT_RUNTIME = List.of("java", "framework");
    /** Every aspect a preset may publish. */
    static final List<String> ASPECTS = List.of("java", "framework", "os");

    private static final String NONE_WORD = "none";

    public ServiceChecks {
        runtime = List.copyOf(runtime);
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

    /** The parity-wide runtime aspects every service starts from. */
    static List<String> defaults(ParityConfig config, Problems problems) {
        return aspects("parity.runtime", config.runtime(), DEFAULT_RUNTIME, problems);
    }

    /**
     * @param key the service's key, "parity.services.checkout"
     * @param defaults what {@link #defaults} resolved
     * @param tls parity.tls.enabled
     */
    static ServiceChecks resolve(String key, ParityConfig.Service s, Preset preset, List<String> defaults, boolean tls,
            Problems problems) {
        List<String> aspects = aspects(key + ".runtime", s.runtime(), defaults, problems);
        return new ServiceChecks(aspects.stream().map(preset::runtime).flatMap(Optional::stream).toList(),
                tls && s.tls().orElse(true));
    }

    /** The aspects as given, the fallback when not given, or nothing for {@code none}. */
    private static List<String> aspects(String key, Optional<List<String>> configured, List<String> fallback,
            Problems problems) {
        if (configured.isEmpty()) {
            return fallback;
        }
        List<String> values = configured.get().stream().map(String::strip).toList();
        if (values.stream().anyMatch(NONE_WORD::equalsIgnoreCase)) {
            if (values.size() > 1) {
                problems.add(key + ": none turns runtime parity off and stands alone; remove it or the other entries");
            }
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (!ASPECTS.contains(values.get(i))) {
                problems.add(key + "[" + i + "]: unknown runtime aspect; use " + String.join(", ", ASPECTS) + " or none");
            }
        }
        return values.stream().filter(ASPECTS::contains).distinct().toList();
    }

    @Override
    public String toString() {
        return "ServiceChecks[runtime=" + runtime.stream().map(RuntimeField::aspect).collect(Collectors.joining(","))
                + ", tls=" + tls + "]";
    }
}
