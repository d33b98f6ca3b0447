package dev.envparity.trigger.cli;

import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import dev.envparity.demo.DemoEnvironments;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigValidationException;

/**
 * {@code java -jar envparity-runner.jar} runs the server; {@code … check [--json]} runs one check and exits
 * 0 (below fail-on), 1 (at or above) or 2 (invalid configuration or usage); help and version answer before
 * anything starts. See {@link Command#USAGE}.
 */
@QuarkusMain
public class EnvParityMain implements QuarkusApplication {
    static final int EXIT_CONFIG = 2;

    @Inject
    CheckCommand check;

    public static void main(String... args) {
        Command command;
        try {
            command = Command.parse(args);
        } catch (Command.UsageException e) {
            System.err.println(e.getMessage() + "\n" + Command.USAGE);
            System.exit(EXIT_CONFIG);
            return;
        }
        switch (command.kind()) {
            case HELP:
                System.out.println(Command.USAGE);
                return;
            case VERSION:
                System.out.println(Command.version());
                return;
            case CHECK:
                oneShot();
                break;
            default:
                break;
        }
        if (activeProfiles().contains("demo")) {
            System.setProperty(DemoEnvironments.PORT_PROPERTY, String.valueOf(DemoEnvironments.startOnLoopback()));
        }
        Quarkus.run(EnvParityMain.class, EnvParityMain::exit, args);
    }

    @Override
    public int run(String... args) throws Command.UsageException {
        Command command = Command.parse(args);
        if (command.kind() == Command.Kind.CHECK) {
            return check.run(command.json(), command.markdown());
        }
        Quarkus.waitForExit();
        return 0;
    }

    /**
     * A check is a one-shot process: no HTTP listener (the port may be taken), no schedule, logs on stderr so
     * that stdout carries only the report. Explicit -D settings still win.
     */
    private static void oneShot() {
        setDefault("quarkus.http.host-enabled", "false");
        setDefault("quarkus.scheduler.enabled", "false");
        setDefault("quarkus.log.console.stderr", "true");
        setDefault("quarkus.banner.enabled", "false");
        setDefault("quarkus.log.level", "WARN");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static List<String> activeProfiles() {
        String p = System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", ""));
        return Arrays.stream(p.split(",")).map(String::trim).toList();
    }

    /**
     * Configuration problems end with their message and exit code 2, never with a stack trace or in silence: a
     * failure while the configuration is built happens before logging is set up, so whatever the failure, stderr
     * says something.
     */
    private static void exit(int code, Throwable failure) {
        if (failure == null) {
            System.exit(code);
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof ConfigValidationException) {
            ConfigValidationException problems = (ConfigValidationException) root;
            System.err.println("Invalid envparity configuration:");
            for (int i = 0; i < problems.getProblemCount(); i++) {
                // Problems from SmallRye carry the exception's class name; the sentence after it is the message.
                System.err.println("  - " + problems.getProblem(i).getMessage().replaceFirst("^[\\w.$]+Exception: ", ""));
            }
            System.exit(EXIT_CONFIG);
        }
        if (root instanceof ConfigurationException) {
            System.err.println(root.getMessage());
            System.exit(EXIT_CONFIG);
        }
        if (root instanceof MarkedYAMLException && ((MarkedYAMLException) root).getProblemMark() != null) {
            // A YAML file we did not check before SmallRye read it (a profile variant): the problem and where, not the text.
            MarkedYAMLException yaml = (MarkedYAMLException) root;
            System.err.println("Invalid envparity configuration:\n  - a YAML file, line " + (yaml.getProblemMark().getLine() + 1)
                    + ", column " + (yaml.getProblemMark().getColumn() + 1) + ": " + yaml.getProblem());
            System.exit(EXIT_CONFIG);
        }
        System.err.println("envparity failed to start: " + root.getClass().getSimpleName());
        Logger.getLogger(EnvParityMain.class).error("envparity failed to start", failure);
        System.exit(1);
    }
}
