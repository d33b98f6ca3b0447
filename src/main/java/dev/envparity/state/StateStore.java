package dev.envparity.state;

/**
 * Per chat target, what it was last told. Implementations: {@link MemoryStateStore} (server),
 * {@link FileStateStore} (CLI), and DynamoDB (Lambda).
 */
public interface StateStore {

    /**
     * The stored state, or {@link TargetState#EMPTY}. Damaged content is reported and read as empty.
     *
     * @throws StateStoreException when the store cannot be read at all
     */
    TargetState load(String target);

    /**
     * Stores {@code next} only if the stored version is still {@code expectedVersion}.
     *
     * @return false when another run wrote first; the caller then leaves the notification to that run
     * @throws StateStoreException when the store cannot be written
     */
    boolean compareAndSet(String target, long expectedVersion, TargetState next);
}
