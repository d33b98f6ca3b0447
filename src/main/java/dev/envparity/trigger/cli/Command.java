package dev.envparity.trigger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/**
 * What the command line asks for, decided before anything starts: help and version answer at once, a usage error
 * ends with exit code 2, and only {@code check} and the server start the application.
 *
 * @param json {@code check --json}
 * @param markdown {@code check --markdown FILE}: where to write the Markdown summary, or null
 */
record Command(Kind kind, boolean json, String markdown) {
    enum Kind {
        SERVER, CHECK, HELP, VERSION
    }

    static final String USAGE = "Usage: envparity [command]\n"
            + "  (none)              run the server: HTTP routes, dashboard, cron schedule\n"
            + "  check [--json] [--markdown FILE]\n"
            + "                      probe every service in every environment, print the report (or the JSON report;\n"
            + "                      --markdown also writes a Markdown summary to FILE, e.g. $GITHUB_STEP_SUMMARY)\n"
            + "                      and exit 0 below parity.fail-on, 1 at or above it, 2 on invalid configuration\n"
            + "                      or usage, 3 when the notification state cannot be written\n"
            + "  help, --help, -h    print this help\n"
            + "  version, --version  print the version\n"
            + "Settings: -Dquarkus.config.locations=parity.yaml (your file); -Dparity.<key>=… or PARITY_<KEY>=…\n"
            + "override a key of it.";

    /** A command line that asks for nothing we know. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static Command parse(String... args) throws UsageException {
        if (args.length == 0) {
            return new Command(Kind.SERVER, false, null);
        }
        List<String> rest = List.of(args).subList(1, args.length);
        switch (args[0]) {
            case "help":
            case "--help":
            case "-h":
                return new Command(Kind.HELP, false, null);
            case "version":
            case "--version":
                return new Command(Kind.VERSION, false, null);
            case "check":
                boolean json = false;
                String markdown = null;
                for (int i = 0; i < rest.size(); i++) {
                    String option = rest.get(i);
                    if (option.equals("--help") || option.equals("-h")) {
                        return new Command(Kind.HELP, false, null);
                    } else if (option.equals("--json")) {
                        json = true;
                    } else if (option.equals("--markdown")) {
                        if (i + 1 == rest.size()) {
                            throw new UsageException("Option '--markdown' needs a file.");
                        }
                        markdown = rest.get(++i);
                    } else {
                        throw new UsageException("Unknown option '" + option + "'.");
                    }
                }
                return new Command(Kind.CHECK, json, markdown);
            default:
                throw new UsageException("Unknown command '" + args[0] + "'.");
        }
    }

    /** "envparity 1.2.0 (commit 9f8e7d6c5b4a)", from the files the build writes (see pom.xml). */
    static String version() {
        Properties build = new Properties();
        for (String file : List.of("/envparity-build.properties", "/envparity-commit.properties")) {
            try (InputStream in = Command.class.getResourceAsStream(file)) {
                if (in != null) {
                    build.load(in);
                }
            } catch (IOException e) {
                // an unknown version or commit, below
            }
        }
        String commit = build.getProperty("commit", "").trim();
        return "envparity " + build.getProperty("version", "(unknown version)") + (commit.isEmpty() ? "" : " (commit " + commit + ")");
    }
}
