package dev.envparity.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * For the CLI, whose runs are separate processes: one JSON file, replaced atomically (written beside it,
 * then renamed), with a lock file so that two overlapping runs cannot both claim the same change. A corrupt
 * or unreadable file is reported once and treated as empty: a broken state file never stops a check.
 */
public class FileStateStore implements StateStore {
    private static final Logger LOG = Logger.getLogger(FileStateStore.class);
    private static final TypeReference<Map<String, TargetState>> TYPE = new TypeReference<>() {
    };

    private final Path file;
    private final ObjectMapper json;

    public FileStateStore(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Override
    public TargetState load(String target) {
        return readAll().getOrDefault(target, TargetState.EMPTY);
    }

    @Override
    public synchronized boolean compareAndSet(String target, long expectedVersion, TargetState next) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (FileChannel lockFile = FileChannel.open(parent.resolve(file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                Map<String, TargetState> all = new TreeMap<>(readAll());
                if (all.getOrDefault(target, TargetState.EMPTY).version() != expectedVersion) {
                    return false;
                }
                all.put(target, next);
                Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
                try {
                    json.writeValue(temp.toFile(), all);
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
                return true;
            }
        } catch (IOException e) {
            LOG.errorf("Cannot write the notification state file %s (%s); the next run may repeat this notification",
                    file, e.getMessage());
            return true; // the notification itself still goes out
        }
    }

    private Map<String, TargetState> readAll() {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            Map<String, TargetState> all = json.readValue(file.toFile(), TYPE);
            return all == null ? Map.of() : all;
        } catch (IOException e) {
            LOG.warnf("The notification state file %s is unreadable (%s); starting from an empty state", file,
                    e.getMessage().lines().findFirst().orElse(""));
            return Map.of();
        }
    }
}
