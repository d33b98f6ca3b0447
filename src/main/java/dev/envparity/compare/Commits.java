package dev.envparity.compare;

import java.util.Locale;

/** Commit ids compare by prefix: the 7-character abbreviation names the same commit as the 40-character id. */
public final class Commits {
    private static final int MIN_PREFIX = 7;

    private Commits() {
    }

    public static boolean same(String a, String b) {
        String x = a.strip().toLowerCase(Locale.ROOT);
        String y = b.strip().toLowerCase(Locale.ROOT);
        if (x.length() < MIN_PREFIX || y.length() < MIN_PREFIX) {
            return x.equals(y);
        }
        return x.startsWith(y) || y.startsWith(x);
    }
}
