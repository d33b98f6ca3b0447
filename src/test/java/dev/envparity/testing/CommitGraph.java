package dev.envparity.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A repository's history for the code-host stand-ins: commits with one parent each, on a main line and on branches
 * that leave it (a hotfix deployed straight to production). What a compare API answers follows from it the way git
 * computes {@code base...head}: the commits reachable from head and not from base, oldest first, and the count the
 * other way round.
 */
public final class CommitGraph {
    /** One commit; the title is the message's first line. */
    public record Commit(String sha, String parent, String message, String authorName, String login, Instant at) {
        public String title() {
            int end = message.indexOf('\n');
            return end < 0 ? message : message.substring(0, end);
        }
    }

    private final Map<String, Commit> commits = new HashMap<>();
    private final List<String> main = new ArrayList<>();
    private int made;

    /** A main line of {@code n} commits; titles are squash merges, "Change 7 (#1007)". */
    public static CommitGraph linear(int n) {
        CommitGraph g = new CommitGraph();
        for (int i = 0; i < n; i++) {
            g.main.add(g.add(g.main.isEmpty() ? null : g.main.get(g.main.size() - 1), "Change " + i + " (#" + (1000 + i) + ")",
                    "Dev " + (i % 5), i % 3 == 0 ? null : "dev" + (i % 5)));
        }
        return g;
    }

    /** The main line's i-th commit (0 is the oldest). */
    public String at(int i) {
        return main.get(i);
    }

    /** Appends a commit to the main line, with the message given (a merge title, a hostile one). */
    public String commit(String message, String author) {
        String sha = add(main.get(main.size() - 1), message, author, null);
        main.add(sha);
        return sha;
    }

    /** A branch of {@code n} commits leaving the main line after its {@code from}-th commit; returns its tip. */
    public String branch(int from, int n, String title) {
        String tip = main.get(from);
        for (int i = 0; i < n; i++) {
            tip = add(tip, title + " " + (i + 1), "Hotfixer", "hotfixer");
        }
        return tip;
    }

    private String add(String parent, String message, String author, String login) {
        String sha = sha1("commit " + (++made) + " " + message);
        commits.put(sha, new Commit(sha, parent, message, author, login, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(made * 60L)));
        return sha;
    }

    private static String sha1(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return String.format("%040x", new java.math.BigInteger(1, digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The full id a (possibly abbreviated) sha names, or null. */
    public String resolve(String ref) {
        if (ref == null || ref.length() < 7) {
            return null;
        }
        String r = ref.toLowerCase(java.util.Locale.ROOT);
        return commits.keySet().stream().filter(s -> s.startsWith(r)).findFirst().orElse(null);
    }

    public Commit get(String sha) {
        return commits.get(sha);
    }

    /** Commits reachable from {@code head} and not from {@code base}, oldest first. */
    public List<Commit> between(String base, String head) {
        Set<String> fromBase = ancestors(base);
        List<Commit> out = new ArrayList<>();
        for (String c = head; c != null && !fromBase.contains(c); c = commits.get(c).parent()) {
            out.add(commits.get(c));
        }
        Collections.reverse(out);
        return out;
    }

    private Set<String> ancestors(String sha) {
        Set<String> seen = new LinkedHashSet<>();
        for (String c = sha; c != null; c = commits.get(c).parent()) {
            seen.add(c);
        }
        return seen;
    }
}
