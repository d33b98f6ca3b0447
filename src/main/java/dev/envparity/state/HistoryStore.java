package dev.envparity.state;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every service's {@link ServiceHistory}, and the number of checks run so far. Implementations: memory (tests, and
 * {@code store: memory}), a JSON file (the CLI and the server), DynamoDB (Lambda).
 * <p>
 * A history that cannot be read or written is a {@link StateStoreException}: the check runs on without it, and its
 * report says that {@code since} is unknown. Damaged content is reported the same way, and set aside, so that the
 * next check starts a new history rather than failing forever.
 */
public interface HistoryStore {

    /**
     * Counts one more check of every service.
     *
     * @return its number: 1 for the first check ever, then one more for each
     */
    long countCheck();

    /** The number of the last check counted, 0 before the first. */
    long checks();

    /** The histories of those of {@code services} that have one (not expired). */
    Map<String, ServiceHistory> load(Collection<String> services);

    /**
     * Writes each history only if the stored one is still at the version it was read at.
     *
     * @return the services whose write lost to another run's: read them again and redo
     */
    Set<String> save(List<Update> updates);

    /**
     * @param expectedVersion the version of the history read ({@code 0}: none was stored)
     */
    record Update(String service, long expectedVersion, ServiceHistory next) {
    }

    /** Whether a stored history has outlived its retention; stores do not return those. */
    static boolean expired(ServiceHistory h, Instant now) {
        return h.expiresAt() != null && !h.expiresAt().isAfter(now);
    }
}
