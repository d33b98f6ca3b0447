package dev.envparity.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.envparity.report.Severity;

/**
 * The validated configuration the engine runs on.
 *
 * @param environments promotion order, upstream first
 * @param services sorted by name
 * @param failOn empty when the CLI should never fail on findings
 * @param environmentAliases names deploy tools use for our environments ("prod" → "production")
 * @param tls how served certificates and protocols are judged
 */
public record CheckPlan(
        List<String> environments,
        List<ServiceSpec> services,
        Duration maxPromotionLag,
        Optional<Severity> failOn,
        ProbeSettings probe,
        Map<String, String> environmentAliases,
        TlsRules tls) {

    public Optional<ServiceSpec> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * @param trustStore extra CAs trusted besides the JDK defaults; may be null
     */
    public record ProbeSettings(int concurrency, long maxBodyBytes, int maxRedirects, String trustStore,
            String trustStorePassword) {
        @Override
        public String toString() {
            return "ProbeSettings[concurrency=" + concurrency + ", maxBodyBytes=" + maxBodyBytes + ", maxRedirects="
                    + maxRedirects + ", trustStore=" + trustStore + "]";
        }
    }
}
