package dev.envparity.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * For the CLI and the server: one JSON file ({@link JsonFile}: a lock file, atomic replacement), so that two
 * overlapping runs cannot both claim the same change. Corrupt content is reported and treated as empty (the next
 * write repairs it): it never stops a check. A file that cannot be written is an error ({@link StateStoreException}):
 * a run that cannot record what it posted would post it again every time.
 */
public class FileStateStore implements StateStore {
    private static final Logger LOG = Logger.getLogger(FileStateStore.class);
    private static final TypeReference<Map<String, TargetState>> TYPE = new TypeReference<>() {
    };

    private final JsonFile file;
    private volatile String reported;

    public FileStateStore(Path file, ObjectMapper json) {
        this.file = new JsonFile(file, json, true);
    }

    @Override
    public TargetState load(String target) {
        return readAll().getOrDefault(target, TargetState.EMPTY);
    }

    @Override
    public synchronized boolean compareAndSet(String target, long expectedVersion, TargetState next) {
        try {
            return file.locked(() -> {
                Map<String, TargetState> all = new TreeMap<>(readAll());
                if (all.getOrDefault(target, TargetState.EMPTY).version() != expectedVersion) {
                    return false;
                }
                all.put(target, next);
                file.replace(all);
                return true;
            });
        } catch (IOException e) {
            throw new StateStoreException("cannot write the notification state file " + file.path() + " ("
                    + JsonFile.reason(e) + ")", e);
        }
    }

    private Map<String, TargetState> readAll() {
        try {
            JsonNode doc = file.read();
            if (doc == null) {
                return Map.of();
            }
            if (!doc.isObject()) {
                return corrupt("it holds " + JsonFile.kind(doc) + ", not an object of targets");
            }
            Map<String, TargetState> all = file.json().convertValue(doc, TYPE);
            if (all.values().stream().anyMatch(s -> s == null || s.services() == null)) {
                return corrupt("a target's state is incomplete");
            }
            return all;
        } catch (IOException | IllegalArgumentException e) {
            return corrupt(JsonFile.firstLine(e));
        }
    }

    /** Reported once per kind of damage, not at every read of the same file. */
    private Map<String, TargetState> corrupt(String why) {
        if (!why.equals(reported)) {
            reported = why;
            LOG.warnf("The notification state file %s is unreadable (%s); starting from an empty state", file.path(), why);
        }
        return Map.of();
    }
}
