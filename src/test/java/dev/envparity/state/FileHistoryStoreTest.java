package dev.envparity.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The history in a JSON file: every history store contract, plus what only a file can get wrong. */
class FileHistoryStoreTest implements HistoryStoreContract {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Override
    public HistoryStore historyStore() {
        return new FileHistoryStore(folder.resolve("history-" + System.nanoTime() + ".json"), JSON, CLOCK);
    }

    @Test
    void anotherProcessReadsWhatThisOneWrote() {
        Path file = folder.resolve("nested/history.json");
        FileHistoryStore one = new FileHistoryStore(file, JSON, CLOCK);
        one.countCheck();
        one.save(List.of(new HistoryStore.Update("checkout", 0, HistoryStoreContract.history(1, "2.4.0"))));
        FileHistoryStore other = new FileHistoryStore(file, JSON, CLOCK);
        assertEquals(1, other.checks());
        assertEquals(HistoryStoreContract.history(1, "2.4.0"), other.load(List.of("checkout")).get("checkout"));
        other.save(List.of(new HistoryStore.Update("checkout", 1, HistoryStoreContract.history(2, "2.4.1"))));
        assertEquals("2.4.1", one.load(List.of("checkout")).get("checkout").environments().get("staging").version(),
                "a store that kept the last document it read sees that the file changed");
    }

    @Test
    void aDamagedFileIsReportedSetAsideAndANewHistoryBegins() throws Exception {
        for (String content : List.of("{\"checks\": 4, \"services\": {\"checkout\": {\"vers", "null", "[]", "",
                "{\"checks\": 4}", "{\"checks\": 4, \"services\": {\"checkout\": null}}",
                // Whole at the top, damaged inside: each of these once made every later check fail.
                "{\"checks\": 4, \"services\": {\"checkout\": {\"version\": 1, \"environments\": {}, \"findings\": {}, "
                        + "\"transitions\": [{}]}}}",
                "{\"checks\": 4, \"services\": {\"checkout\": {\"version\": 1, \"environments\": {}, \"findings\": {}, "
                        + "\"transitions\": [null]}}}",
                "{\"checks\": 4, \"services\": {\"checkout\": {\"version\": 1, \"environments\": {\"staging\": null}, "
                        + "\"findings\": {\"UNHEALTHY production\": null}, \"transitions\": []}}}")) {
            Path file = folder.resolve("damaged.json");
            Files.writeString(file, content);
            FileHistoryStore store = new FileHistoryStore(file, JSON, CLOCK);
            StateStoreException e = assertThrows(StateStoreException.class, () -> store.load(List.of("checkout")), content);
            assertTrue(e.getMessage().startsWith("the history file " + file + " is unreadable ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("it was moved to damaged.json.corrupt, and the next check starts a new history"),
                    e.getMessage());
            assertEquals(content, Files.readString(folder.resolve("damaged.json.corrupt")), "kept for whoever wants to look");
            assertEquals(1, store.countCheck(), "the next check starts a new history");
            assertEquals(Map.of(), store.load(List.of("checkout")));
        }
    }

    @Test
    void aDamagedFileMetByACountIsSetAsideToo() throws Exception {
        Path file = folder.resolve("history.json");
        Files.writeString(file, "{ not json");
        FileHistoryStore store = new FileHistoryStore(file, JSON, CLOCK);
        assertThrows(StateStoreException.class, store::countCheck);
        assertTrue(Files.exists(folder.resolve("history.json.corrupt")));
        assertEquals(1, store.countCheck());
    }

    @Test
    void aFileThatCannotBeWrittenIsAnErrorNamingIt() throws Exception {
        Path blocker = Files.writeString(folder.resolve("blocker"), "a file where the history's folder should be");
        FileHistoryStore store = new FileHistoryStore(blocker.resolve("history.json"), JSON, CLOCK);
        StateStoreException e = assertThrows(StateStoreException.class, store::countCheck);
        assertTrue(e.getMessage().startsWith("cannot write the history file " + blocker.resolve("history.json")), e.getMessage());
        assertThrows(StateStoreException.class,
                () -> store.save(List.of(new HistoryStore.Update("checkout", 0, HistoryStoreContract.history(1, "2.4.0")))));
    }

    @Test
    void servicesPastTheirRetentionAreLetGoWhenTheFileIsWritten() throws Exception {
        Path file = folder.resolve("history.json");
        FileHistoryStore store = new FileHistoryStore(file, JSON, CLOCK);
        store.save(List.of(new HistoryStore.Update("retired", 0, new ServiceHistory(1, AT.minusSeconds(100), Map.of(), Map.of(),
                List.of(), AT.minusSeconds(1)))));
        store.save(List.of(new HistoryStore.Update("checkout", 0, HistoryStoreContract.history(1, "2.4.0"))));
        assertTrue(!Files.readString(file).contains("retired"), Files.readString(file));
        assertEquals(Set.of("checkout"), store.load(List.of("checkout", "retired")).keySet());
    }
}
