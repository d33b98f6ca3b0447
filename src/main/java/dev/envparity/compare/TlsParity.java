package dev.envparity.compare;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.envparity.config.TlsRules;
import dev.envparity.report.Durations;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Finding;
import dev.envparity.report.Finding.Kind;
import dev.envparity.report.Severity;
import dev.envparity.report.Status;
import dev.envparity.report.TlsReport;

/**
 * The certificates and protocols https environments served the probes: each certificate's expiry on its own, and
 * between adjacent environments a different issuer or protocol (information: a staging CA that production does not
 * use means staging never tested production's chain). A certificate that does not cover its host, or has expired,
 * already failed the probe's handshake: that environment is unreachable, with the reason.
 */
final class TlsParity {
    private final TlsRules rules;

    TlsParity(TlsRules rules) {
        this.rules = rules;
    }

    /** A certificate expiring within {@code warn-before} (warning) or {@code critical-before} (critical). */
    List<Finding> expiry(String env, EnvironmentReport r, Instant now) {
        TlsReport tls = r.tls();
        if (!rules.enabled() || tls == null) {
            return List.of();
        }
        Duration left = Duration.between(now, tls.notAfter());
        if (left.compareTo(rules.warnBefore()) > 0) {
            return List.of();
        }
        Severity severity = left.compareTo(rules.criticalBefore()) <= 0 ? Severity.CRITICAL : Severity.WARNING;
        String when = left.isNegative() || left.isZero() ? "has expired" : "expires in " + Durations.human(left);
        return List.of(new Finding(Kind.TLS_EXPIRING, severity, Status.CERTIFICATE_EXPIRING, List.of(env),
                env + "'s certificate " + when + " (" + tls.notAfter().atOffset(ZoneOffset.UTC).toLocalDate()
                        + ", issued by " + tls.issuedBy() + ")"));
    }

    /** A different issuer or protocol between two adjacent environments, when both answered over TLS. */
    List<Finding> differences(String up, EnvironmentReport u, String down, EnvironmentReport d, List<Finding> versionFindings) {
        if (!rules.enabled() || !rules.compare() || u.tls() == null || d.tls() == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        List<String> envs = List.of(up, down);
        // Information either way; while the builds differ, under the version finding's status.
        Finding differentBuilds = DifferentBuilds.among(versionFindings);
        Status status = differentBuilds == null ? Status.MISMATCH : differentBuilds.status();
        if (!u.tls().issuedBy().equals(d.tls().issuedBy())) {
            findings.add(new Finding(Kind.TLS_MISMATCH, Severity.INFO, status, envs, down + "'s certificate is issued by "
                    + d.tls().issuedBy() + ", " + up + "'s by " + u.tls().issuedBy()));
        }
        if (!u.tls().protocol().equals(d.tls().protocol())) {
            findings.add(new Finding(Kind.TLS_MISMATCH, Severity.INFO, status, envs, down + " negotiates "
                    + d.tls().protocol() + ", " + up + " " + u.tls().protocol()));
        }
        return findings;
    }
}
