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

    /** The 7-character form of a SHA; anything else (a release id such as "5.2.0-4f2a9c1e") as it is. */
    public static String shortForm(String commit) {
        return commit.length() > MIN_PREFIX && commit.matches("[0-9a-fA-F]+") ? commit.substring(0, MIN_PREFIX) : commit;
    }
}
