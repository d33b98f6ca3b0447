package dev.envparity.state;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.aws.AwsClient;
import dev.envparity.config.InvalidConfigException;
import dev.envparity.config.ParityConfig;
import io.quarkus.runtime.Startup;

/**
 * Picks the stores from {@code parity.notify.state.store}: "auto" is a file for the CLI and memory otherwise;
 * "dynamodb" (on Lambda) keeps notification state, webhook deliveries, pending deploys and dashboard sessions in one
 * table, shared by every invocation. With a file, deliveries and pending deploys stay in memory: a check process never
 * receives webhooks.
 */
@ApplicationScoped
public class StateStores {
    /** Set by the CLI entry point: a check is one process, so its state must outlive it. */
    public static final String CLI_MODE_PROPERTY = "envparity.cli";

    private final MemoryStateStore memory = new MemoryStateStore();
    private volatile DynamoDbStateStore dynamo;

    @Produces
    @Singleton
    @Startup
    StateStore stateStore(ParityConfig config, ObjectMapper json, AwsClient aws, Clock clock) {
        ParityConfig.Notify.State state = config.notifications().state();
        switch (store(config)) {
            case "memory":
                return memory;
            case "file":
                return new FileStateStore(stateFile(state.file()), json);
            case "dynamodb":
                return dynamo(config, json, aws, clock);
            default:
                throw new InvalidConfigException(List.of("parity.notify.state.store: unknown store '"
                        + state.store() + "'; use auto, memory, file or dynamodb"));
        }
    }

    @Produces
    @Singleton
    DeliveryLog deliveryLog(ParityConfig config, ObjectMapper json, AwsClient aws, Clock clock) {
        return store(config).equals("dynamodb") ? dynamo(config, json, aws, clock) : memory;
    }

    @Produces
    @Singleton
    DeployQueue deployQueue(ParityConfig config, ObjectMapper json, AwsClient aws, Clock clock) {
        return store(config).equals("dynamodb") ? dynamo(config, json, aws, clock) : memory;
    }

    /** A folder where the file belongs is a mistake in the configuration, found before anything runs. */
    private static Path stateFile(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new InvalidConfigException(List.of("parity.notify.state.file: not a valid path (" + e.getReason() + ")"));
        }
        if (Files.isDirectory(path)) {
            throw new InvalidConfigException(List.of("parity.notify.state.file: " + file
                    + " is a directory; name a file in it, e.g. " + path.resolve("state.json")));
        }
        return path;
    }

    /** Dashboard sessions: shared by every Lambda instance in DynamoDB, else in this process's memory. */
    @Produces
    @Singleton
    SessionStore sessionStore(ParityConfig config, ObjectMapper json, AwsClient aws, Clock clock) {
        return store(config).equals("dynamodb") ? dynamo(config, json, aws, clock) : memory;
    }

    private synchronized DynamoDbStateStore dynamo(ParityConfig config, ObjectMapper json, AwsClient aws, Clock clock) {
        if (dynamo == null) {
            String table = config.notifications().state().table().filter(t -> !t.isBlank())
                    .orElseThrow(() -> new InvalidConfigException(List.of("parity.notify.state.table: missing; "
                            + "the dynamodb store needs its table name (the CDK stack sets PARITY_NOTIFY_STATE_TABLE)")));
            dynamo = new DynamoDbStateStore(aws, table, json, clock);
        }
        return dynamo;
    }

    private static String store(ParityConfig config) {
        String store = config.notifications().state().store();
        if (store.equals("auto")) {
            return Boolean.getBoolean(CLI_MODE_PROPERTY) ? "file" : "memory";
        }
        return store;
    }
}
