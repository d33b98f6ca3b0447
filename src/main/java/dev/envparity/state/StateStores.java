package dev.envparity.state;

import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.config.InvalidConfigException;
import dev.envparity.config.ParityConfig;
import io.quarkus.runtime.Startup;

/**
 * Picks the stores from {@code parity.notify.state.store}: "auto" is a file for the CLI and memory otherwise.
 * Webhook deliveries and pending deploys live where the notification state lives, except with a file: a
 * check process never receives webhooks, so those stay in memory.
 */
@ApplicationScoped
public class StateStores {
    /** Set by the CLI entry point: a check is one process, so its state must outlive it. */
    public static final String CLI_MODE_PROPERTY = "envparity.cli";

    private final MemoryStateStore memory = new MemoryStateStore();

    @Produces
    @Singleton
    @Startup
    StateStore stateStore(ParityConfig config, ObjectMapper json) {
        ParityConfig.Notify.State state = config.notifications().state();
        switch (store(config)) {
            case "memory":
                return memory;
            case "file":
                return new FileStateStore(Path.of(state.file()), json);
            default:
                throw new InvalidConfigException(List.of("parity.notify.state.store: unknown store '"
                        + state.store() + "'; use auto, memory, file or dynamodb"));
        }
    }

    @Produces
    @Singleton
    DeliveryLog deliveryLog() {
        return memory;
    }

    @Produces
    @Singleton
    DeployQueue deployQueue() {
        return memory;
    }

    private static String store(ParityConfig config) {
        String store = config.notifications().state().store();
        if (store.equals("auto")) {
            return Boolean.getBoolean(CLI_MODE_PROPERTY) ? "file" : "memory";
        }
        return store;
    }
}
