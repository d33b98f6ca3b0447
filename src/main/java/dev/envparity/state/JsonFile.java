package dev.envparity.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One JSON document in a file that several processes share (CLI runs, a server): changed only under a lock file, so
 * that two overlapping runs never both act on the same content, and replaced atomically (written beside it, then
 * renamed), so that a reader sees the old document or the new one, never half of one.
 */
final class JsonFile {
    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final ObjectMapper json;

    /** @param indented for people to read (a small file); a large one is written compact */
    JsonFile(Path file, ObjectMapper json, boolean indented) {
        this.file = file;
        this.json = json.copy().configure(SerializationFeature.INDENT_OUTPUT, indented);
    }

    Path path() {
        return file;
    }

    ObjectMapper json() {
        return json;
    }

    /** What the file holds now (possibly damaged; an empty file is a missing node), or null when there is no file. */
    JsonNode read() throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode doc = json.readTree(file.toFile());
        return doc == null ? MissingNode.getInstance() : doc;
    }

    /**
     * Runs {@code change} while holding the lock file, which other processes respect too. A file lock belongs to the
     * whole JVM (a second one there would fail, not wait: {@link FileChannel#lock()}), so this process's own users of
     * the file wait for each other first.
     */
    <T> T locked(Change<T> change) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        synchronized (IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Object())) {
            Files.createDirectories(parent);
            try (FileChannel lockFile = FileChannel.open(parent.resolve(file.getFileName() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                return change.run();
            }
        }
    }

    /** Replaces the content at once; call it holding the lock. */
    void replace(Object content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            json.writeValue(temp.toFile(), content);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @FunctionalInterface
    interface Change<T> {
        T run() throws IOException;
    }

    /** "an array", "null": what a document that should be an object is instead. */
    static String kind(JsonNode doc) {
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

    /** Why a file operation failed, in words that name the file but nothing else. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The first line of a parser's message: where the document broke, without quoting it. */
    static String firstLine(Exception e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
}
