package dev.envparity.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The CLI's comparisons, kept between its runs in a JSON file beside the state file ({@code state.json} →
 * {@code state.compare-cache.json}): the most recently learnt {@link #MAX_ENTRIES}, changed under the file's lock and
 * replaced atomically ({@link JsonFile}), so that what two overlapping runs learn is kept. A file that cannot be read or written is logged once and
 * the check goes on without it.
 */
public class FileCompareCache implements CompareCache {
    private static final Logger LOG = Logger.getLogger(FileCompareCache.class);
    static final int MAX_ENTRIES = 1000;
    private static final TypeReference<LinkedHashMap<String, Answer>> TYPE = new TypeReference<>() {
    };

    private final Path file;
    private final ObjectMapper json;
    private final JsonFile store;
    private final int maxEntries;
    private volatile String reported;

    public FileCompareCache(Path file, ObjectMapper json) {
        this(file, json, MAX_ENTRIES);
    }

    FileCompareCache(Path file, ObjectMapper json, int maxEntries) {
        this.file = file;
        this.json = json;
        this.store = new JsonFile(file, json, false);
        this.maxEntries = maxEntries;
    }

    /** The cache file that belongs to a state file: {@code .envparity/state.json} → {@code .envparity/state.compare-cache.json}. */
    public static Path beside(Path stateFile) {
        String name = stateFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return stateFile.resolveSibling(stem + ".compare-cache.json");
    }

    @Override
    public Optional<Answer> compared(Key key) {
        return Optional.ofNullable(readAll().get(key.id()));
    }

    @Override
    public void remember(Key key, Answer answer) {
        try {
            store.locked(() -> {
                LinkedHashMap<String, Answer> all = readAll();
                all.remove(key.id());
                all.put(key.id(), answer);
                for (Iterator<String> oldest = all.keySet().iterator(); all.size() > maxEntries; ) {
                    oldest.next();
                    oldest.remove();
                }
                store.replace(all);
                return null;
            });
        } catch (IOException e) {
            once("cannot be written (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); comparisons are asked for "
                    + "again next run");
        }
    }

    private LinkedHashMap<String, Answer> readAll() {
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        try {
            LinkedHashMap<String, Answer> all = json.readValue(file.toFile(), TYPE);
            if (all != null && all.values().stream().allMatch(FileCompareCache::complete)) {
                return all;
            }
            once("is unreadable (not an object of comparisons); starting from an empty cache");
        } catch (IOException | RuntimeException e) {
            once("is unreadable (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); starting from an "
                    + "empty cache");
        }
        return new LinkedHashMap<>();
    }

    private static boolean complete(Answer a) {
        return a != null && a.status() != null;
    }

    /** Reported once per kind of trouble, not at every run's every lookup. */
    private void once(String what) {
        if (!what.equals(reported)) {
            reported = what;
            LOG.warnf("The comparison cache %s %s", file, what);
        }
    }

    @Override
    public String toString() {
        return "FileCompareCache[" + file + "]";
    }
}
