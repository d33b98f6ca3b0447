package dev.envparity.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Finding;
import dev.envparity.report.Finding.Kind;
import dev.envparity.report.HeaderChecklist;
import dev.envparity.report.Severity;
import dev.envparity.report.Status;

/**
 * The security header checklist, compared between two adjacent environments: a header one sends and the other lacks
 * (a load balancer or proxy that drops it), and a software version one reveals and the other does not. A header
 * not looked for on one side (Strict-Transport-Security over plain http) is not compared. On the same build a
 * difference is a warning; while the builds differ it is information under the version finding's status.
 */
final class HeaderParity {
    private HeaderParity() {
    }

    /** @param versionFindings what the comparison of their versions found (empty when a version is unknown) */
    static List<Finding> compare(String up, EnvironmentReport u, String down, EnvironmentReport d, List<Finding> versionFindings) {
        HeaderChecklist a = u.securityHeaders();
        HeaderChecklist b = d.securityHeaders();
        if (a == null || b == null) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        lacks(down, b, up, a).ifPresent(parts::add);
        lacks(up, a, down, b).ifPresent(parts::add);
        reveals(down, b, up, a, parts);
        reveals(up, a, down, b, parts);
        if (parts.isEmpty()) {
            return List.of();
        }
        Finding differentBuilds = DifferentBuilds.among(versionFindings);
        String message = "security headers differ: " + String.join("; ", parts);
        return List.of(differentBuilds == null
                ? new Finding(Kind.HEADERS_MISMATCH, Severity.WARNING, Status.MISMATCH, List.of(up, down), message)
                : new Finding(Kind.HEADERS_MISMATCH, Severity.INFO, differentBuilds.status(), List.of(up, down),
                        message + " (" + up + " " + u.version() + ", " + down + " " + d.version() + ")"));
    }

    /** "production lacks Content-Security-Policy, X-Frame-Options that staging sends". */
    private static Optional<String> lacks(String env, HeaderChecklist mine, String other, HeaderChecklist theirs) {
        List<String> lacking = mine.missing().stream().filter(theirs.present()::contains).toList();
        return lacking.isEmpty() ? Optional.empty()
                : Optional.of(env + " lacks " + String.join(", ", lacking) + " that " + other + " sends");
    }

    /** "production's Server reveals nginx/1.25.3, staging's does not". */
    private static void reveals(String env, HeaderChecklist mine, String other, HeaderChecklist theirs, List<String> parts) {
        mine.versionLeaks().forEach((name, value) -> {
            if (!theirs.versionLeaks().containsKey(name)) {
                parts.add(env + "'s " + name + " reveals " + value + ", " + other + "'s does not");
            }
        });
    }
}
