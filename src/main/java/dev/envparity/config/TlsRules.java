package dev.envparity.config;

import java.time.Duration;

/**
 * How the certificates and protocols of https environments are judged.
 *
 * @param enabled false: no TLS facts are kept and no TLS finding is made
 * @param warnBefore a certificate expiring within this is a warning
 * @param criticalBefore within this, critical
 * @param compare whether different issuers or protocols between adjacent environments are told (info)
 */
public record TlsRules(boolean enabled, Duration warnBefore, Duration criticalBefore, boolean compare) {
    /** What envparity does without configuration. */
    public static final TlsRules DEFAULTS = new TlsRules(true, Duration.ofDays(14), Duration.ofDays(3), true);

    static TlsRules resolve(ParityConfig.Tls t, Problems problems) {
        if (t.warnBefore().isNegative()) {
            problems.add("parity.tls.warn-before: must not be negative, e.g. 14d");
        }
        if (t.criticalBefore().isNegative()) {
            problems.add("parity.tls.critical-before: must not be negative, e.g. 3d");
        } else if (t.criticalBefore().compareTo(t.warnBefore()) > 0) {
            problems.add("parity.tls.critical-before: must not be longer than parity.tls.warn-before");
        }
        return new TlsRules(t.enabled(), t.warnBefore(), t.criticalBefore(), t.compare());
    }
}
