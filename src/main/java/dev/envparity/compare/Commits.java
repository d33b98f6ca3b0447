package dev.envparity.compare;

import java.util.Locale;
import java.util.regex.Pattern;

/** Commit ids compare by prefix: the 7-character abbreviation names the same commit as the 40-character id. */
public final class Commits {
    private static final int MIN_PREFIX = 7;
    /** A whole or abbreviated object id: SHA-1 (40 hex digits) or SHA-256 (64), at least git's 7-digit abbreviation. */
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{7,64}");

    private Commits() {
    }

    /** Whether a reported commit is a git object id, which a code host can be asked about. */
    public static boolean isObjectId(String commit) {
        return commit != null && OBJECT_ID.matcher(commit.strip()).matches();
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
