package dev.envparity.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.envparity.report.Finding;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * {@code parity.notify.confirm-after}, the grace window for rollouts and flapping: a finding is notified only once it
 * has persisted for so many consecutive checks ({@code 2 checks}) or so long ({@code 10m}), and a problem is announced
 * resolved only once it has stayed away as long. A rolling deploy that shows two versions for one check, or one
 * dropped probe, then wakes nobody.
 *
 * @param checks consecutive checks a finding must have been seen by (1: at once)
 * @param duration how long it must have been seen (zero: at once)
 */
public record ConfirmAfter(int checks, Duration duration) {
    /** Every finding is notified the first time it is seen, every resolution at once. */
    public static final ConfirmAfter AT_ONCE = new ConfirmAfter(1, Duration.ZERO);
    private static final Pattern CHECKS = Pattern.compile("(\\d{1,4})\\s*checks?");

    /** "2 checks", "1 check", "10m", "0s"; empty when it is none of these. */
    static Optional<ConfirmAfter> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = CHECKS.matcher(t);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            return n >= 1 ? Optional.of(new ConfirmAfter(n, Duration.ZERO)) : Optional.empty();
        }
        try {
            Duration d = DurationConverter.parseDuration(t);
            return d == null || d.isNegative() ? Optional.empty() : Optional.of(new ConfirmAfter(1, d));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A finding whose history is unknown counts as confirmed: better a blip told than a problem kept quiet. */
    boolean confirmed(Finding f, Instant now) {
        if (f.since() == null || f.checks() == null) {
            return true;
        }
        return f.checks() >= checks && !f.since().plus(duration).isAfter(now);
    }

    /**
     * @param clearChecks consecutive checks without the problem, this one included
     * @param clearSince the first of them
     */
    boolean resolved(int clearChecks, Instant clearSince, Instant now) {
        return clearChecks >= checks && !clearSince.plus(duration).isAfter(now);
    }

    boolean atOnce() {
        return checks <= 1 && duration.isZero();
    }
}
