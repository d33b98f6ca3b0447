package dev.envparity.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The security headers one environment's answer carried, from the service's checklist.
 *
 * @param present checklist headers it sent (X-Frame-Options also counts as sent when the Content-Security-Policy has
 *        frame-ancestors)
 * @param missing checklist headers it did not send; a header that does not apply to the connection (HSTS over plain
 *        http, RFC 6797 §7.2) is in neither list
 * @param versionLeaks headers that reveal a software version ({@code Server: nginx/1.25.3}, {@code X-Powered-By:
 *        PHP/8.1.2}), by name as configured, with the value as sent (printable, cut short)
 */
@RegisterForReflection
public record HeaderChecklist(List<String> present, List<String> missing, Map<String, String> versionLeaks) {

    public HeaderChecklist {
        present = List.copyOf(present);
        missing = List.copyOf(missing);
        // In checklist order: the sentences built from it read the same on every run.
        versionLeaks = Collections.unmodifiableMap(new LinkedHashMap<>(versionLeaks));
    }
}
