package dev.envparity.compare;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * How two version strings relate. Orders only what it can order without guessing: both SemVer 2.0
 * (precedence per https://semver.org/#spec-item-11), both Maven/CalVer-like dotted numbers with qualifiers (Maven's
 * {@link ComparableVersion}), both
 * {@code git describe} output, or the same alphabetic prefix followed by one of those ("build-4711").
 * Everything else, two different commit SHAs included, is {@link Relation#UNORDERED}.
 */
public final class VersionOrder {

    public enum Relation {
        /** Same version (a short SHA matches its long form; "v1.2.3" matches "1.2.3"). */
        SAME,
        /** The first is newer. */
        AHEAD,
        /** The first is older. */
        BEHIND,
        /** SemVer precedence is equal but the build metadata differs: same release, different builds. */
        SAME_RELEASE_DIFFERENT_BUILD,
        /** Cannot be ordered, or cannot be told apart (both "latest"). */
        UNORDERED
    }

    /** semver.org's official regex (numbered groups). */
    private static final Pattern SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");
    private static final Pattern SHA = Pattern.compile("^[0-9a-f]{7,40}$");
    private static final Pattern GIT_DESCRIBE = Pattern.compile("^(.+)-(\\d+)-g([0-9a-f]{7,40})(-dirty)?$");
    private static final Pattern DOTTED = Pattern.compile("^\\d+([.\\-_]?[0-9a-z]+)*$");
    private static final Pattern ALPHA_PREFIX = Pattern.compile("^([a-z]+[\\-_.]?)(\\d.*)$");

    private VersionOrder() {
    }

    public static Relation compare(String first, String second) {
        String a = normalize(first);
        String b = normalize(second);
        if (isOpaque(a) || isOpaque(b)) {
            return Relation.UNORDERED;
        }
        if (isSha(a) || isSha(b)) {
            return isSha(a) && isSha(b) && Commits.same(a, b) ? Relation.SAME : Relation.UNORDERED;
        }
        if (a.equals(b)) {
            return Relation.SAME;
        }
        if (GIT_DESCRIBE.matcher(a).matches() || GIT_DESCRIBE.matcher(b).matches()) {
            return describe(a, b);
        }
        return ordered(a, b);
    }

    /** Trim, lower-case, and drop one leading "v" in front of a digit (a tag convention, not part of SemVer). */
    static String normalize(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        return s.length() > 1 && s.charAt(0) == 'v' && Character.isDigit(s.charAt(1)) ? s.substring(1) : s;
    }

    /** "latest", "dev", "unknown", "": nothing that tells one build from another. */
    private static boolean isOpaque(String v) {
        return v.chars().noneMatch(Character::isDigit) && !isSha(v);
    }

    private static boolean isSha(String v) {
        return SHA.matcher(v).matches() && v.chars().anyMatch(Character::isLetter);
    }

    private static Relation ordered(String a, String b) {
        Matcher sa = SEMVER.matcher(a);
        Matcher sb = SEMVER.matcher(b);
        if (sa.matches() && sb.matches()) {
            int c = semver(sa, sb);
            if (c != 0) {
                return c > 0 ? Relation.AHEAD : Relation.BEHIND;
            }
            return Objects.equals(sa.group(5), sb.group(5)) ? Relation.SAME : Relation.SAME_RELEASE_DIFFERENT_BUILD;
        }
        if (DOTTED.matcher(a).matches() && DOTTED.matcher(b).matches()) {
            // Maven's own ordering (https://maven.apache.org/pom.html#version-order-specification): alpha < beta <
            // milestone < rc < snapshot < release (also ga, final) < sp; trailing zeros do not count (1.0 == 1), and
            // 1.0-1, 1.0.1 and 1.0.0.1 are three different versions.
            int c = new ComparableVersion(a).compareTo(new ComparableVersion(b));
            return c == 0 ? Relation.SAME : c > 0 ? Relation.AHEAD : Relation.BEHIND;
        }
        Matcher pa = ALPHA_PREFIX.matcher(a);
        Matcher pb = ALPHA_PREFIX.matcher(b);
        if (pa.matches() && pb.matches() && pa.group(1).equals(pb.group(1))) {
            return ordered(pa.group(2), pb.group(2));
        }
        return Relation.UNORDERED;
    }

    /** {@code v1.8.2-14-g9f1c2ab}: 14 commits after tag v1.8.2; a bare version is that tag with 0 commits. */
    private static Relation describe(String a, String b) {
        Described da = Described.parse(a);
        Described db = Described.parse(b);
        Relation base = da.base.equals(db.base) ? Relation.SAME : ordered(da.base, db.base);
        if (base != Relation.SAME) {
            return base == Relation.SAME_RELEASE_DIFFERENT_BUILD ? Relation.UNORDERED : base;
        }
        if (da.distance != db.distance) {
            return da.distance > db.distance ? Relation.AHEAD : Relation.BEHIND;
        }
        return da.sha != null && db.sha != null && !Commits.same(da.sha, db.sha) ? Relation.UNORDERED : Relation.SAME;
    }

    private record Described(String base, long distance, String sha) {
        static Described parse(String v) {
            Matcher m = GIT_DESCRIBE.matcher(v);
            return m.matches() ? new Described(normalize(m.group(1)), Long.parseLong(m.group(2)), m.group(3))
                    : new Described(v, 0, null);
        }
    }

    private static int semver(Matcher a, Matcher b) {
        for (int i = 1; i <= 3; i++) {
            int c = new BigInteger(a.group(i)).compareTo(new BigInteger(b.group(i)));
            if (c != 0) {
                return c;
            }
        }
        String pa = a.group(4);
        String pb = b.group(4);
        if (pa == null || pb == null) {
            // A pre-release ranks below the release it precedes.
            return pa == null ? (pb == null ? 0 : 1) : -1;
        }
        String[] ia = pa.split("\\.");
        String[] ib = pb.split("\\.");
        for (int i = 0; i < Math.min(ia.length, ib.length); i++) {
            boolean na = ia[i].chars().allMatch(Character::isDigit);
            boolean nb = ib[i].chars().allMatch(Character::isDigit);
            int c;
            if (na && nb) {
                c = new BigInteger(ia[i]).compareTo(new BigInteger(ib[i]));
            } else if (na || nb) {
                c = na ? -1 : 1; // numeric identifiers rank below alphanumeric ones
            } else {
                c = ia[i].compareTo(ib[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ia.length, ib.length);
    }
}
