package dev.envparity.report;

import java.time.Duration;

/** Durations the way people write them: "3d 4h", "12m", "1.5s", "250ms". */
public final class Durations {
    private Durations() {
    }

    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return hours > 0 ? days + "d " + hours + "h" : days + "d";
        }
        if (hours > 0) {
            return minutes > 0 ? hours + "h " + minutes + "m" : hours + "h";
        }
        long seconds = d.toSecondsPart();
        return seconds > 0 && minutes < 10 ? minutes + "m " + seconds + "s" : minutes + "m";
    }
}
