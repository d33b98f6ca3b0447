package dev.envparity.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

class FileStateStoreTest implements StateStoreContract {
    @TempDir
    Path folder;

    @Override
    public StateStore stateStore() {
        return new FileStateStore(folder.resolve("contract-" + System.nanoTime() + ".json"), JSON);
    }

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final TargetState STATE = new TargetState(1,
            Map.of("payments", new TargetState.Notified("0f1e2d3c4b5a6978", Instant.parse("2026-11-26T10:00:00Z"))),
            new TargetState.Failure(Instant.parse("2026-11-26T09:45:00Z"), "HTTP 404 channel_not_found"));

    @Test
    void missingFileIsAnEmptyState(@TempDir Path dir) {
        assertEquals(TargetState.EMPTY, new FileStateStore(dir.resolve("state.json"), JSON).load("team-chat"));
    }

    @Test
    void writesAtomicallyAndReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/state.json");
        FileStateStore store = new FileStateStore(file, JSON);
        assertTrue(store.compareAndSet("team-chat", 0, STATE));
        assertEquals(STATE, new FileStateStore(file, JSON).load("team-chat"), "a new process reads what the last one wrote");
        assertEquals(TargetState.EMPTY, store.load("other"));
        try (var files = Files.list(file.getParent())) {
            assertEquals(2, files.count(), "only the state file and its lock file; no temp file left behind");
        }
    }

    @Test
    void writesAreConditionalOnTheVersion(@TempDir Path dir) {
        FileStateStore store = new FileStateStore(dir.resolve("state.json"), JSON);
        assertTrue(store.compareAndSet("team-chat", 0, STATE));
        assertFalse(store.compareAndSet("team-chat", 0, new TargetState(1, Map.of(), null)), "a stale writer loses");
        assertTrue(store.compareAndSet("team-chat", 1, new TargetState(2, Map.of(), null)));
        assertEquals(2, store.load("team-chat").version());
    }

    @Test
    void aCorruptFileIsReportedAndTreatedAsEmpty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{\"team-chat\": {\"version\": 3, \"services\": {\"pay");
        FileStateStore store = new FileStateStore(file, JSON);
        assertEquals(TargetState.EMPTY, store.load("team-chat"));
        assertTrue(store.compareAndSet("team-chat", 0, STATE), "and the next write repairs it");
        assertEquals(STATE, store.load("team-chat"));
    }

    @Test
    void nullAndOtherNonObjectContentIsReportedAsCorrupt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        for (String content : List.of("null", "[]", "\"x\"", "42", "", "{\"team-chat\": null}", "{\"team-chat\": [1]}")) {
            Files.writeString(file, content);
            List<String> warnings = warningsWhile(() -> assertEquals(TargetState.EMPTY, new FileStateStore(file, JSON).load("team-chat")));
            assertTrue(warnings.stream().anyMatch(w -> w.contains("is unreadable")), "'" + content + "' is reported: " + warnings);
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("blocker"), "a file where the state's folder should be");
        FileStateStore store = new FileStateStore(notADirectory.resolve("state.json"), JSON);
        StateStoreException e = assertThrows(StateStoreException.class, () -> store.compareAndSet("team-chat", 0, STATE));
        assertTrue(e.getMessage().contains("cannot write the notification state file " + notADirectory.resolve("state.json")),
                e.getMessage());
    }

    private static List<String> warningsWhile(Runnable action) {
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getLevel() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            action.run();
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        return new ArrayList<>(logged);
    }
}
