package dev.envparity.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * For the CLI, whose runs are separate processes: one JSON file, replaced atomically (written beside it,
 * then renamed), with a lock file so that two overlapping runs cannot both claim the same change. Corrupt
 * content is reported and treated as empty (the next write repairs it): it never stops a check. A file that
 * cannot be written is an error ({@link StateStoreException}): a run that cannot record what it posted would
 * post it again every time.
 */
public class FileStateStore implements StateStore {
    private static final Logger LOG = Logger.getLogger(FileStateStore.class);
    private static final TypeReference<Map<String, TargetState>> TYPE = new TypeReference<>() {
    };

    private final Path file;
    private final ObjectMapper json;
    private volatile String reported;

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
                JsonFiles.replace(file, json, all);
                return true;
            }
        } catch (IOException e) {
            throw new StateStoreException("cannot write the notification state file " + file + " (" + reason(e) + ")", e);
        }
    }

    private Map<String, TargetState> readAll() {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            JsonNode doc = json.readTree(file.toFile());
            if (doc == null || !doc.isObject()) {
                return corrupt("it holds " + kind(doc) + ", not an object of targets");
            }
            Map<String, TargetState> all = json.convertValue(doc, TYPE);
            if (all.values().stream().anyMatch(s -> s == null || s.services() == null)) {
                return corrupt("a target's state is incomplete");
            }
            return all;
        } catch (IOException | IllegalArgumentException e) {
            return corrupt(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** Reported once per kind of damage, not at every read of the same file. */
    private Map<String, TargetState> corrupt(String why) {
        if (!why.equals(reported)) {
            reported = why;
            LOG.warnf("The notification state file %s is unreadable (%s); starting from an empty state", file, why);
        }
        return Map.of();
    }

    private static String kind(JsonNode doc) {
        if (doc == null || doc.isMissingNode()) {
            return "nothing";
        }
        return switch (doc.getNodeType()) {
            case NULL -> "null";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "a " + doc.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + ((FileSystemException) e).getFile();
        }
        if (e instanceof FileAlreadyExistsException) {
            return ((FileSystemException) e).getFile() + " is a file, not a directory";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            FileSystemException f = (FileSystemException) e;
            return (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
