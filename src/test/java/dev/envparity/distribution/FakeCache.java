package dev.envparity.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * actions/cache/restore and actions/cache/save as documented: a saved entry never changes; restoring takes the exact
 * key, else the most recently saved entry whose key starts with one of the restore keys, in their order
 * (https://docs.github.com/actions/reference/workflows-and-actions/dependency-caching#cache-key-matching).
 */
final class FakeCache {
    private final Path dir;
    private final List<String> keys = new ArrayList<>();

    FakeCache(Path dir) {
        this.dir = dir;
    }

    List<String> keys() {
        return List.copyOf(keys);
    }

    /** @param paths what the entry holds, one per line of the step's {@code path} */
    Map<String, String> restore(List<Path> paths, String key, String restoreKeys) throws IOException {
        String matched = keys.contains(key) ? key : null;
        for (String prefix : restoreKeys.split("\n")) {
            if (matched != null || prefix.isBlank()) {
                continue;
            }
            for (int i = keys.size() - 1; i >= 0 && matched == null; i--) {
                if (keys.get(i).startsWith(prefix.strip())) {
                    matched = keys.get(i);
                }
            }
        }
        if (matched == null) {
            return Map.of("cache-hit", "false");
        }
        for (int i = 0; i < paths.size(); i++) {
            if (Files.exists(entry(matched).resolve(String.valueOf(i)))) {
                copy(entry(matched).resolve(String.valueOf(i)), paths.get(i));
            }
        }
        return Map.of("cache-hit", String.valueOf(matched.equals(key)), "cache-matched-key", matched);
    }

    /** @return what the action logs; neither a taken key nor missing paths fail the step (paths that exist are saved) */
    String save(List<Path> paths, String key) throws IOException {
        if (keys.contains(key)) {
            return "Failed to save: Unable to reserve cache with key " + key + ", another job may be creating this cache.";
        }
        if (paths.stream().noneMatch(Files::exists)) {
            return "Path Validation Error: Path(s) specified in the action for caching do(es) not exist, hence no cache is being saved.";
        }
        for (int i = 0; i < paths.size(); i++) {
            if (Files.exists(paths.get(i))) {
                copy(paths.get(i), entry(key).resolve(String.valueOf(i)));
            }
        }
        keys.add(key);
        return "Cache saved with key: " + key;
    }

    private Path entry(String key) {
        return dir.resolve(Integer.toHexString(key.hashCode()) + "-" + key.length()).resolve("content");
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path target = to.resolve(from.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } else {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
