package dev.envparity.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What can be told from the settings as written, before their meaning is checked: unknown keys (with the known key a
 * typo most likely meant), values of the wrong kind, and {@code ${VAR}} references to unset variables. One sentence
 * per problem, naming the key and never repeating the value.
 */
final class SettingsCheck {
    private SettingsCheck() {
    }

    static List<String> problems(RawSettings settings) {
        List<String> problems = new ArrayList<>();
        // Keys without a name of the user's are read even when no name lists them (an environment variable).
        Set<String> names = new TreeSet<>(settings.names());
        ConfigKeys.all().keySet().stream().filter(k -> !k.contains("*")).forEach(names::add);
        for (String name : names) {
            settings.get(name).ifPresent(s -> check(s, problems));
        }
        return problems;
    }

    private static void check(RawSettings.Setting s, List<String> problems) {
        Optional<ValueKind> kind = ConfigKeys.kind(s.name());
        if (kind.isEmpty()) {
            // Environment variables share their names with every other tool: PARITY_SOMETHING may not be ours.
            if (!s.fromEnvironment()) {
                problems.add(s.name() + ": unknown key" + ConfigKeys.suggestion(s.name()).map(k -> "; did you mean " + k + "?")
                        .orElse("; see the keys in the README's Configure section"));
            }
            return;
        }
        for (String variable : s.unsetVariables()) {
            problems.add(s.name() + ": ${" + variable + "} is not set; set " + variable
                    + " (an environment variable), or write ${" + variable + ":} to allow it to be empty");
        }
        if (!s.expanded() && s.unsetVariables().isEmpty()) {
            problems.add(s.name() + ": a ${…} reference in it cannot be expanded");
        }
        if (s.expanded()) {
            kind.get().problem(s.value()).ifPresent(p -> problems.add(s.name() + ": " + p));
        }
    }
}
