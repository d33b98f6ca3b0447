package dev.envparity.state;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.aws.AwsClients;
import dev.envparity.config.InvalidConfigException;
import dev.envparity.config.StatePlan;
import dev.envparity.config.StatePlan.Store;
import io.quarkus.runtime.Startup;

/**
 * Picks the stores from {@code parity.notify.state.store}: "auto" is a file (the CLI and the server: a check is one
 * process, and a server restart must forget nothing), memory only on Lambda, whose file system is read-only; "memory"
 * forgets everything when the process ends; "dynamodb" (on Lambda) keeps notification state, the history, webhook
 * deliveries, pending deploys, dashboard sessions and the code hosts' comparisons in one table, shared by every
 * invocation. With a file, the history is {@code history.json} and the comparisons {@code state.compare-cache.json}
 * beside the state file, and deliveries, pending deploys and sessions stay in memory.
 */
@ApplicationScoped
public class StateStores {
    private final MemoryStateStore memory;
    private volatile DynamoDbStateStore dynamo;

    @Inject
    public StateStores(Clock clock) {
        this.memory = new MemoryStateStore(clock);
    }

    @Produces
    @Singleton
    @Startup
    StateStore stateStore(StatePlan state, ObjectMapper json, AwsClients aws, Clock clock) {
        return switch (store(state)) {
            case MEMORY, AUTO -> memory;
            case FILE -> new FileStateStore(stateFile(state.file()), json);
            case DYNAMODB -> dynamo(state, json, aws, clock);
        };
    }

    /** The history lives where the notification state does. */
    @Produces
    @Singleton
    HistoryStore historyStore(StatePlan state, ObjectMapper json, AwsClients aws, Clock clock) {
        return switch (store(state)) {
            case FILE -> new FileHistoryStore(historyFile(stateFile(state.file())), json, clock);
            case DYNAMODB -> new DynamoDbHistoryStore(aws::dynamoDb, state.table().orElseThrow(), json, clock);
            case MEMORY, AUTO -> new MemoryHistoryStore(clock);
        };
    }

    /** {@code .envparity/state.json} → {@code .envparity/history.json}. */
    static Path historyFile(Path stateFile) {
        return stateFile.resolveSibling("history.json");
    }

    @Produces
    @Singleton
    DeliveryLog deliveryLog(StatePlan state, ObjectMapper json, AwsClients aws, Clock clock) {
        return store(state) == Store.DYNAMODB ? dynamo(state, json, aws, clock) : memory;
    }

    @Produces
    @Singleton
    DeployQueue deployQueue(StatePlan state, ObjectMapper json, AwsClients aws, Clock clock) {
        return store(state) == Store.DYNAMODB ? dynamo(state, json, aws, clock) : memory;
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
    SessionStore sessionStore(StatePlan state, ObjectMapper json, AwsClients aws, Clock clock) {
        return store(state) == Store.DYNAMODB ? dynamo(state, json, aws, clock) : memory;
    }

    /**
     * Code-host comparisons: a file beside the state file for the CLI, the same table for every Lambda invocation,
     * else memory.
     */
    @Produces
    @Singleton
    CompareCache compareCache(StatePlan state, ObjectMapper json, AwsClients aws, Clock clock) {
        return switch (store(state)) {
            case FILE -> new FileCompareCache(FileCompareCache.beside(stateFile(state.file())), json);
            case DYNAMODB -> new DynamoDbCompareCache(aws::dynamoDb, state.table().orElseThrow(), json, clock);
            default -> memory;
        };
    }

    /** The table is there: {@link StatePlan} refuses the dynamodb store without one. */
    private synchronized DynamoDbStateStore dynamo(StatePlan state, ObjectMapper json, AwsClients aws, Clock clock) {
        if (dynamo == null) {
            dynamo = new DynamoDbStateStore(aws::dynamoDb, state.table().orElseThrow(), json, clock);
        }
        return dynamo;
    }

    private static Store store(StatePlan state) {
        if (state.store() == Store.AUTO) {
            // https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
            return System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null ? Store.MEMORY : Store.FILE;
        }
        return state.store();
    }
}
