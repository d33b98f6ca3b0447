package dev.envparity.config;

import java.util.List;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Every configuration problem found at once, each naming its key and the fix. A {@link ConfigurationException}, so
 * Quarkus prints the message without a stack trace when startup fails.
 */
public class InvalidConfigException extends ConfigurationException {
    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super("Invalid envparity configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
