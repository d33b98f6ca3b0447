package dev.envparity.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.envparity.state.CompareCache.Key;

/** The CLI's comparisons: every cache contract, plus what only a file can get wrong. */
class FileCompareCacheTest implements CompareCacheContract {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    @TempDir
    Path folder;

    @Override
    public CompareCache compareCache() {
        return new FileCompareCache(folder.resolve("cache-" + System.nanoTime() + ".json"), JSON);
    }

    @Test
    void theFileSitsBesideTheStateFile() {
        assertEquals(Path.of(".envparity/state.compare-cache.json"), FileCompareCache.beside(Path.of(".envparity/state.json")));
        assertEquals(Path.of("/var/lib/parity/prod.compare-cache.json"), FileCompareCache.beside(Path.of("/var/lib/parity/prod")));
    }

    @Test
    void aNextProcessFindsWhatTheLastOneLearnt() {
        Path file = folder.resolve("nested/state.compare-cache.json");
        new FileCompareCache(file, JSON).remember(KEY, CompareCacheContract.answer(12, 0));
        assertEquals(Optional.of(CompareCacheContract.answer(12, 0)), new FileCompareCache(file, JSON).compared(KEY));
    }

    @Test
    void aDamagedFileIsAnEmptyCacheAndTheNextAnswerRepairsIt() throws Exception {
        Path file = folder.resolve("cache.json");
        for (String content : new String[] { "{\"github:a/b@x...y\": {\"status\": \"ahead\", \"aheadBy\"", "null", "[]",
                "{\"k\": null}", "{\"k\": {\"aheadBy\": 1}}" }) {
            Files.writeString(file, content);
            FileCompareCache cache = new FileCompareCache(file, JSON);
            assertEquals(Optional.empty(), cache.compared(KEY), content);
            cache.remember(KEY, CompareCacheContract.answer(1, 0));
            assertTrue(new FileCompareCache(file, JSON).compared(KEY).isPresent(), content);
        }
    }

    @Test
    void aCacheThatCannotBeWrittenIsOnlyACacheMiss() throws Exception {
        Path blocker = Files.writeString(folder.resolve("blocker"), "a file where the cache's folder should be");
        FileCompareCache cache = new FileCompareCache(blocker.resolve("cache.json"), JSON);
        cache.remember(KEY, CompareCacheContract.answer(1, 0));
        assertEquals(Optional.empty(), cache.compared(KEY));
    }

    @Test
    void keepsTheMostRecentlyLearntAnswersOnly() {
        int max = 10;
        FileCompareCache cache = new FileCompareCache(folder.resolve("cache.json"), JSON, max);
        for (int i = 0; i <= max; i++) {
            cache.remember(new Key("github:acme/checkout", "base" + i, "head" + i), CompareCacheContract.answer(1, 0));
        }
        assertEquals(Optional.empty(), cache.compared(new Key("github:acme/checkout", "base0", "head0")));
        assertTrue(cache.compared(new Key("github:acme/checkout", "base1", "head1")).isPresent());
        assertTrue(cache.compared(new Key("github:acme/checkout", "base" + max, "head" + max)).isPresent());
    }
}
