package dev.envparity.config;

import java.util.Optional;

/**
 * Where envparity keeps what it must remember between runs (what each chat target was told, the history, webhook
 * deliveries, pending deploys, sessions).
 *
 * @param file the JSON file of the file store
 * @param table the DynamoDB table of the dynamodb store
 */
public record StatePlan(Store store, String file, Optional<String> table) {

    public enum Store {
        /** A file (the CLI and the server: a restart forgets nothing); memory on Lambda, whose disk is read-only. */
        AUTO,
        MEMORY,
        FILE,
        DYNAMODB
    }

    static StatePlan resolve(ParityConfig.Notify.State state, Problems problems) {
        Store store = switch (state.store()) {
            case "auto" -> Store.AUTO;
            case "memory" -> Store.MEMORY;
            case "file" -> Store.FILE;
            case "dynamodb" -> Store.DYNAMODB;
            default -> {
                problems.add("parity.notify.state.store: unknown store; use auto, memory, file or dynamodb");
                yield Store.AUTO;
            }
        };
        Optional<String> table = state.table().filter(t -> !t.isBlank());
        if (store == Store.DYNAMODB && table.isEmpty()) {
            problems.add("parity.notify.state.table: missing; the dynamodb store needs its table name (the CDK stack sets "
                    + "PARITY_NOTIFY_STATE_TABLE)");
        }
        if (state.file().isBlank()) {
            problems.add("parity.notify.state.file: empty; name a file, e.g. .envparity/state.json");
        }
        return new StatePlan(store, state.file(), table);
    }
}
