package dev.envparity.trigger.cli;

import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.envparity.demo.DemoEnvironments;
import dev.envparity.state.StateStores;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigValidationException;

/**
 * {@code java -jar quarkus-run.jar} runs the server; {@code … check [--json]} runs one check and exits
 * 0 (below fail-on), 1 (at or above) or 2 (invalid configuration or usage).
 */
@QuarkusMain
public class EnvParityMain implements QuarkusApplication {
    static final int EXIT_CONFIG = 2;

    @Inject
    CheckCommand check;

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("check")) {
            oneShot();
        }
        if (activeProfiles().contains("demo")) {
            System.setProperty(DemoEnvironments.PORT_PROPERTY, String.valueOf(DemoEnvironments.startOnLoopback()));
        }
        Quarkus.run(EnvParityMain.class, EnvParityMain::exit, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args[0].equals("check")) {
            return check.run(Arrays.copyOfRange(args, 1, args.length));
        }
        System.err.println("Unknown command '" + args[0] + "'.\n" + CheckCommand.USAGE);
        return EXIT_CONFIG;
    }

    /**
     * A check is a one-shot process: no HTTP listener (the port may be taken), no schedule, logs on stderr so
     * that stdout carries only the report, and notification state in a file. Explicit -D settings still win.
     */
    private static void oneShot() {
        System.setProperty(StateStores.CLI_MODE_PROPERTY, "true");
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
        Logger.getLogger(EnvParityMain.class).error("envparity failed to start", failure);
        System.exit(1);
    }
}
