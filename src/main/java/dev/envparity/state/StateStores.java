package dev.envparity.state;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.config.InvalidConfigException;
import dev.envparity.config.ParityConfig;
import io.quarkus.runtime.Startup;

/** Picks the store from {@code parity.notify.state.store}; "auto" is a file for the CLI and memory otherwise. */
@ApplicationScoped
public class StateStores {
    /** Set by the CLI entry point: a check is one process, so its state must outlive it. */
    public static final String CLI_MODE_PROPERTY = "envparity.cli";

    @Produces
    @Singleton
    @Startup
    StateStore stateStore(ParityConfig config, ObjectMapper json) {
        ParityConfig.Notify.State state = config.notifications().state();
        String store = state.store();
        if (store.equals("auto")) {
            store = Boolean.getBoolean(CLI_MODE_PROPERTY) ? "file" : "memory";
        }
        switch (store) {
            case "memory":
                return new MemoryStateStore();
            case "file":
                return new FileStateStore(Path.of(state.file()), json);
            default:
                throw new InvalidConfigException(java.util.List.of("parity.notify.state.store: unknown store '" + store
                        + "'; use auto, memory, file or dynamodb"));
        }
    }
}
