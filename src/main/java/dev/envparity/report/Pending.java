package dev.envparity.report;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the code host says about two adjacent environments whose commits differ: base = the downstream commit, head =
 * the upstream one. Either the comparison ({@code status} and the counts set) or {@code error} (the rest null).
 *
 * @param from the upstream environment (the commits wait there)
 * @param to the downstream environment
 * @param aheadBy commits {@code from} has that {@code to} lacks: the exact count, however many are listed
 * @param behindBy commits {@code to} has that {@code from} lacks (a hotfix not merged back)
 * @param commits the newest first, at most {@link #MAX_COMMITS}
 * @param compareUrl the host's page of the comparison
 * @param error why the host could not tell (never a token, never the host's error body)
 */
@RegisterForReflection
public record Pending(String from, String to, State status, Integer aheadBy, Integer behindBy, List<Commit> commits,
        String compareUrl, String error) {

    /** The JSON report lists at most this many commits; the counts stay exact. */
    public static final int MAX_COMMITS = 20;

    /** Longer links from a host are dropped: a cut one would lead elsewhere. */
    static final int MAX_URL = 512;

    public Pending {
        commits = commits == null ? null : List.copyOf(commits.subList(0, Math.min(MAX_COMMITS, commits.size())));
        compareUrl = compareUrl == null || compareUrl.length() > MAX_URL ? null : compareUrl;
    }

    /** The host's answer for the pair. */
    public static Pending of(String from, String to, State status, int aheadBy, int behindBy, List<Commit> commits,
            String compareUrl) {
        return new Pending(from, to, status, aheadBy, behindBy, commits, compareUrl, null);
    }

    /** The host could not tell: {@code why} says so in one sentence. */
    public static Pending failed(String from, String to, String why) {
        return new Pending(from, to, null, null, null, null, null, why);
    }

    /** Whether this is about the pair of environments {@code up} → {@code down}. */
    public boolean about(String up, String down) {
        return from.equals(up) && to.equals(down);
    }

    public boolean answered() {
        return error == null;
    }

    /**
     * "12 commits waiting in staging", "production has 2 commits that staging lacks", both when they diverged, or why
     * the host could not tell; null for identical commits. The same words in chat and on the dashboard.
     */
    public String summary() {
        if (!answered()) {
            return "Pending commits unknown: " + error;
        }
        return switch (status) {
            case AHEAD -> commits(aheadBy) + " waiting in " + from;
            case DIVERGED -> commits(aheadBy) + " waiting in " + from + "; " + to + " has " + behindBy + " that " + from
                    + " lacks";
            case BEHIND -> to + " has " + commits(behindBy) + " that " + from + " lacks";
            case IDENTICAL -> null;
        };
    }

    /** "1 commit", "12 commits". */
    public static String commits(int n) {
        return n + (n == 1 ? " commit" : " commits");
    }

    /** The compare API's status (GitHub's words; GitLab's answers are mapped to them). */
    @RegisterForReflection
    public enum State {
        /** {@code from} has commits {@code to} lacks, and {@code to} has nothing {@code from} lacks. */
        AHEAD,
        /** {@code to} has commits {@code from} lacks, and nothing is waiting. */
        BEHIND,
        /** Both have commits the other lacks. */
        DIVERGED,
        /** The same commit under two names. */
        IDENTICAL;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** From the two counts, the way GitHub decides its status. */
        public static State of(int aheadBy, int behindBy) {
            if (aheadBy > 0) {
                return behindBy > 0 ? DIVERGED : AHEAD;
            }
            return behindBy > 0 ? BEHIND : IDENTICAL;
        }
    }

    /**
     * One commit waiting to ship. Title and author come from the repository: untrusted text.
     *
     * @param title the first line of the message
     * @param pullRequest the number in a merge or squash title ("Merge pull request #123 …", "… (#123)"), or null
     */
    @RegisterForReflection
    public record Commit(String sha, String title, String author, String url, Integer pullRequest) {
        private static final int MAX_TITLE = 72;
        private static final int MAX_AUTHOR = 40;
        /** What is kept of a host's text, whatever it sends (a 1 MB title would otherwise travel into caches and reports). */
        private static final int KEPT = 200;

        public Commit {
            sha = kept(sha);
            title = kept(title);
            author = kept(author);
            url = url == null || url.length() > MAX_URL ? null : url;
        }

        private static String kept(String text) {
            return text == null || text.length() <= KEPT ? text : text.substring(0, KEPT);
        }

        /**
         * "#481 Fix tax rounding (Ana Ruiz)": the pull request first, its number not repeated in the title; one printable
         * line, the same in chat, the CLI's table and the job summary.
         */
        public String line() {
            String t = title == null ? "" : title;
            String ref = "";
            if (pullRequest != null) {
                String n = "#" + pullRequest;
                t = t.replaceFirst("\\s*\\(" + n + "\\)\\s*$", "").replaceFirst("^Merge pull request " + n + " ", "");
                ref = n + " ";
            }
            return ref + UntrustedText.excerpt(t, MAX_TITLE) + (author == null ? "" : " (" + UntrustedText.excerpt(author, MAX_AUTHOR) + ")");
        }
    }
}
