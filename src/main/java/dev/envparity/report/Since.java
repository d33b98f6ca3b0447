package dev.envparity.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Since when a finding has been seen, the same words in every view (text table, chat, dashboard). */
public final class Since {
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Since() {
    }

    /**
     * "production is DOWN: db is DOWN — since Thu 06:50 UTC, 3h 10m" when checks before this one ({@code at}) saw it
     * too; "… — not confirmed yet (1 check)" while {@code parity.notify.confirm-after} has not passed; the message
     * alone when it is new or its history is unknown.
     */
    public static String sentence(Finding f, Instant at) {
        if (f.since() == null || f.checks() == null) {
            return f.message();
        }
        if (!f.confirmed()) {
            return f.message() + " — not confirmed yet (" + f.checks() + (f.checks() == 1 ? " check)" : " checks)");
        }
        if (isNew(f, at)) {
            return f.message();
        }
        Duration lasted = Duration.between(f.since(), at);
        DateTimeFormatter when = lasted.compareTo(Duration.ofDays(6)) < 0 ? WEEKDAY : DAY;
        return f.message() + " — since " + when.format(f.since()) + ", " + Durations.human(lasted);
    }

    /** "new", "3h 10m", or "-" when unknown; ", unconfirmed" while confirm-after has not passed. */
    public static String brief(Finding f, Instant at) {
        if (f.since() == null || f.checks() == null) {
            return "-";
        }
        String since = isNew(f, at) ? "new" : Durations.human(Duration.between(f.since(), at));
        return f.confirmed() ? since : since + ", unconfirmed";
    }

    private static boolean isNew(Finding f, Instant at) {
        return f.checks() <= 1 || !f.since().isBefore(at);
    }
}
