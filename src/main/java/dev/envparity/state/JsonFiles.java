package dev.envparity.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.ObjectMapper;

/** How the file stores replace their JSON file: readers see the old document or the new one, never half of one. */
final class JsonFiles {
    private JsonFiles() {
    }

    /** Writes {@code value} beside {@code file}, then renames it over {@code file} (an atomic move). */
    static void replace(Path file, ObjectMapper json, Object value) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            json.writeValue(temp.toFile(), value);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
