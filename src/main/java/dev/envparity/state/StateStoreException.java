package dev.envparity.state;

/**
 * The notification state cannot be read or written (a read-only folder, a full disk, a DynamoDB error). A run
 * that cannot record what it told a target does not post to it: without the record, every later run would post
 * the same message again. The message names the store, never a secret.
 */
public class StateStoreException extends RuntimeException {

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
