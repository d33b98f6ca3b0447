package dev.envparity.scm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pull request a commit came from, read from its title alone (no API call per commit): GitHub's merge commits
 * ("Merge pull request #123 from acme/fix-tax") and squash merges ("Fix tax rounding (#123)").
 */
final class PullRequests {
    private static final Pattern MERGE = Pattern.compile("^Merge pull request #(\\d{1,9})\\b");
    private static final Pattern SQUASH = Pattern.compile("\\(#(\\d{1,9})\\)\\s*$");

    private PullRequests() {
    }

    /** @return the number, or null */
    static Integer number(String title) {
        Matcher m = MERGE.matcher(title);
        if (m.find()) {
            return Integer.valueOf(m.group(1));
        }
        m = SQUASH.matcher(title);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The first line of a commit message, trimmed. */
    static String title(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
