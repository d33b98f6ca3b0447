package dev.envparity.report;

/** How values look to people, the same in every output (text table, chat, dashboard). */
public final class Labels {
    /** Git's default abbreviation (core.abbrev): https://git-scm.com/docs/git-config#Documentation/git-config.txt-coreabbrev */
    private static final int SHORT_COMMIT = 7;

    private Labels() {
    }

    /** The 7-character form of a SHA; anything else (a release id such as "5.2.0-4f2a9c1e") as it is. */
    public static String shortCommit(String commit) {
        return commit.length() > SHORT_COMMIT && commit.matches("[0-9a-fA-F]+") ? commit.substring(0, SHORT_COMMIT) : commit;
    }
}
