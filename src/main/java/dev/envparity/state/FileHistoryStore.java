package dev.envparity.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The history in one JSON file, {@code {"checks": 42, "services": {"checkout": {…}}}}, shared by every run that uses
 * it ({@link JsonFile}: changed under a lock file, replaced atomically). The last document read is kept while the
 * file does not change, so a page that shows one service does not parse every service's history again.
 * <p>
 * A damaged file is moved aside to {@code <file>.corrupt} and reported ({@link StateStoreException}); the next check
 * starts a new history. A file that cannot be written is reported the same way. Neither stops a check.
 */
public class FileHistoryStore implements HistoryStore {
    private static final Logger LOG = Logger.getLogger(FileHistoryStore.class);

    private final JsonFile file;
    private final Clock clock;
    private Snapshot last;

    /** The document as stored. */
    @RegisterForReflection
    record Document(long checks, Map<String, ServiceHistory> services) {
        static final Document EMPTY = new Document(0, Map.of());
    }

    /** A document and the file it was read from: the same inode, size and time, the same content. */
    private record Snapshot(Object key, long size, long modified, Document document) {
    }

    public FileHistoryStore(Path file, ObjectMapper json, Clock clock) {
        this.file = new JsonFile(file, json, false);
        this.clock = clock;
    }

    @Override
    public synchronized long countCheck() {
        return write(() -> {
            Document d = document();
            write(new Document(d.checks() + 1, d.services()));
            return d.checks() + 1;
        });
    }

    @Override
    public synchronized long checks() {
        return readable().checks();
    }

    @Override
    public synchronized Map<String, ServiceHistory> load(Collection<String> services) {
        Map<String, ServiceHistory> all = readable().services();
        Map<String, ServiceHistory> found = new HashMap<>();
        for (String s : services) {
            ServiceHistory h = all.get(s);
            if (h != null && !HistoryStore.expired(h, clock.instant())) {
                found.put(s, h);
            }
        }
        return found;
    }

    @Override
    public synchronized Set<String> save(List<Update> updates) {
        return write(() -> {
            Document d = document();
            Map<String, ServiceHistory> all = new TreeMap<>(d.services());
            // Services no check has seen for the whole retention period (removed from the configuration) are let go.
            all.values().removeIf(h -> HistoryStore.expired(h, clock.instant()));
            Set<String> lost = new HashSet<>();
            for (Update u : updates) {
                ServiceHistory stored = all.get(u.service());
                if ((stored == null ? 0 : stored.version()) != u.expectedVersion()) {
                    lost.add(u.service());
                } else {
                    all.put(u.service(), u.next());
                }
            }
            if (lost.size() < updates.size() || all.size() != d.services().size()) {
                write(new Document(d.checks(), all));
            }
            return lost;
        });
    }

    /** Runs {@code change} under the lock; a damaged file it meets is set aside there. */
    private <T> T write(JsonFile.Change<T> change) {
        try {
            return file.locked(() -> {
                try {
                    return change.run();
                } catch (Damaged d) {
                    throw setAside(d);
                }
            });
        } catch (IOException e) {
            throw new StateStoreException("cannot write the history file " + file.path() + " (" + JsonFile.reason(e) + ")", e);
        }
    }

    /** The document, for reading: a damaged file is looked at again under the lock, and set aside if it still is. */
    private Document readable() {
        try {
            return document();
        } catch (Damaged d) {
            return write(this::document);
        }
    }

    private void write(Document d) throws IOException {
        file.replace(d);
        last = snapshot(d);
    }

    /** The current document: the last one read while the file is unchanged, else read again. */
    private Document document() {
        try {
            Snapshot now = snapshot(null);
            if (now == null) {
                return Document.EMPTY;
            }
            if (last != null && Objects.equals(last.key(), now.key()) && last.size() == now.size()
                    && last.modified() == now.modified()) {
                return last.document();
            }
            Document d = parse();
            last = new Snapshot(now.key(), now.size(), now.modified(), d);
            return d;
        } catch (IOException e) {
            throw new StateStoreException("cannot read the history file " + file.path() + " (" + JsonFile.reason(e) + ")", e);
        }
    }

    /** Read straight into records (no tree of the whole file first: it may be megabytes), then checked. */
    private Document parse() throws IOException {
        Document d;
        try {
            d = file.json().readValue(file.path().toFile(), Document.class);
        } catch (JsonProcessingException e) {
            throw new Damaged(e instanceof MismatchedInputException ? "it is not a history: " + JsonFile.firstLine(e)
                    : JsonFile.firstLine(e));
        }
        if (d == null || d.services() == null) {
            throw new Damaged("it holds " + (d == null ? "null" : "no services"));
        }
        if (d.services().values().stream().anyMatch(h -> h == null || !h.whole())) {
            throw new Damaged("a service's history is incomplete");
        }
        return d;
    }

    /** Content that is not a history. */
    private static final class Damaged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Damaged(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Moves the damaged file out of the way (the caller holds the lock), so that the next check starts a new history
     * instead of failing again.
     */
    private StateStoreException setAside(Damaged damage) {
        Path aside = file.path().resolveSibling(file.path().getFileName() + ".corrupt");
        String what = "the history file " + file.path() + " is unreadable (" + damage.getMessage() + ")";
        try {
            Files.move(file.path(), aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return new StateStoreException(what + " and cannot be set aside (" + JsonFile.reason(e) + ")", e);
        }
        last = null;
        LOG.warnf("T%s; it was moved to %s, and the next check starts a new history", what.substring(1), aside);
        return new StateStoreException(what + "; it was moved to " + aside.getFileName()
                + ", and the next check starts a new history", null);
    }

    private Snapshot snapshot(Document d) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file.path(), BasicFileAttributes.class);
            return new Snapshot(a.fileKey(), a.size(), a.lastModifiedTime().toMillis(), d);
        } catch (NoSuchFileException missing) {
            return null;
        }
    }
}
