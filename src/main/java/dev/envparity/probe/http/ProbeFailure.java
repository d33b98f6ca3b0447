package dev.envparity.probe.http;

/**
 * A probe that did not yield a usable answer, with the sentence a human needs ("timed out after 5s").
 * {@code retryable} marks failures worth one more attempt: refused or reset connections and bare 5xx.
 */
public class ProbeFailure extends RuntimeException {
    private final boolean retryable;

    public ProbeFailure(String message, boolean retryable) {
        super(message, null, false, false);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
