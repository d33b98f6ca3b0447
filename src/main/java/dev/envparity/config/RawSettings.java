package dev.envparity.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;

/**
 * The {@code parity.*} settings as written, before the mapping turned them into {@link ParityConfig}: what the checks
 * of {@link SettingsCheck} read.
 */
public interface RawSettings {
    /** No settings to check beyond the mapping (tests that build a mapping directly). */
    RawSettings NONE = new RawSettings() {
        @Override
        public Set<String> names() {
            return Set.of();
        }

        @Override
        public Optional<Setting> get(String name) {
            return Optional.empty();
        }
    };

    /** Every {@code parity.*} name that a file, a system property or an environment variable sets. */
    Set<String> names();

    /** The setting behind a name, if anything sets it. */
    Optional<Setting> get(String name);

    /**
     * @param value after {@code ${…}} expansion; null when a variable is unset
     * @param fromEnvironment set by an environment variable, whose names are shared with other tools
     * @param expanded false when a {@code ${…}} reference could not be expanded
     * @param unsetVariables the variables of {@code ${VAR}} references that have neither a value nor a default
     */
    record Setting(String name, String value, boolean fromEnvironment, boolean expanded, List<String> unsetVariables) {
    }

    /** The settings of a running application, read past {@link ConfigGuard}. */
    static RawSettings of(SmallRyeConfig config) {
        return new RawSettings() {
            @Override
            public Set<String> names() {
                Set<String> names = new TreeSet<>();
                for (String name : config.getPropertyNames()) {
                    if (name.startsWith("parity.")) {
                        names.add(name);
                    }
                }
                return names;
            }

            @Override
            public Optional<Setting> get(String name) {
                ConfigValue v = ConfigGuard.unguarded(() -> config.getConfigValue(name));
                if (v.getRawValue() == null) {
                    return Optional.empty();
                }
                String source = v.getConfigSourceName() == null ? "" : v.getConfigSourceName();
                List<String> unset = v.hasProblems()
                        ? unsetVariables(v.getRawValue(), variable -> ConfigGuard.unguarded(() -> config.getConfigValue(variable)).getValue() != null)
                        : List.of();
                return Optional.of(new Setting(name, v.getValue(), source.startsWith("EnvConfigSource") || source.contains(".env"),
                        !v.hasProblems(), unset));
            }
        };
    }

    /**
     * The names in {@code ${name}} references without a default ({@code ${name:default}} has one) that are not set.
     * Expression syntax: https://smallrye.io/smallrye-config/Main/config/expressions/
     */
    static List<String> unsetVariables(String text, Predicate<String> isSet) {
        List<String> unset = new ArrayList<>();
        int i = 0;
        while ((i = text.indexOf("${", i)) >= 0) {
            if (i > 0 && text.charAt(i - 1) == '\\') {
                i += 2;
                continue;
            }
            int depth = 0;
            int end = -1;
            int colon = -1;
            for (int j = i + 2; j < text.length() && end < 0; j++) {
                char c = text.charAt(j);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && depth-- == 0) {
                    end = j;
                } else if (c == ':' && depth == 0 && colon < 0) {
                    colon = j;
                }
            }
            if (end < 0) {
                break;
            }
            String name = text.substring(i + 2, colon < 0 ? end : colon);
            if (colon < 0 && !name.contains("$") && !isSet.test(name) && !unset.contains(name)) {
                unset.add(name);
            }
            i = end + 1;
        }
        return unset;
    }
}
