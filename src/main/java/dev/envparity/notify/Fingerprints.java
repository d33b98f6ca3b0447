package dev.envparity.notify;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import dev.envparity.crypto.Crypto;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Finding;
import dev.envparity.report.ServiceReport;

/**
 * Identifies a service's problem for "on-change": the kinds of its findings, their severities, the
 * environments involved and what those environments run. Not the wording: "for 1d 2h" becomes "for 1d 3h"
 * every hour, and that is not a change worth a message; a promotion turning overdue is (its severity changes).
 */
final class Fingerprints {
    private Fingerprints() {
    }

    static String of(ServiceReport service) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : service.findings()) {
            sb.append(f.kind()).append('|').append(f.severity()).append('|').append(f.status());
            for (String env : f.environments()) {
                EnvironmentReport e = service.environments().get(env);
                sb.append('|').append(env);
                if (e != null) {
                    sb.append('=').append(e.version()).append('@').append(e.commit()).append('/').append(e.health())
                            .append('/').append(e.reachable());
                }
            }
            sb.append('\n');
        }
        return HexFormat.of().formatHex(Crypto.sha256(sb.toString().getBytes(StandardCharsets.UTF_8)), 0, 8);
    }
}
