package dev.envparity.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every problem found while resolving the configuration, one sentence each, starting with the key it is about
 * ("parity.fail-on: unknown severity; …"). A key whose value was already reported as malformed (the mapping got a
 * stand-in, see {@link ConfigGuard}) is not judged on its meaning too.
 */
final class Problems {
    private final List<String> problems = new ArrayList<>();
    private final Set<String> malformed = new HashSet<>();

    /** A value of the wrong kind, an unset variable: the key's meaning is not checked afterwards. */
    void malformed(String message) {
        problems.add(message);
        malformed.add(key(message));
    }

    void add(String message) {
        if (!malformed.contains(key(message))) {
            problems.add(message);
        }
    }

    int count() {
        return problems.size();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    private static String key(String problem) {
        return problem.substring(0, Math.max(0, problem.indexOf(": ")));
    }
}
