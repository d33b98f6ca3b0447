package dev.envparity.hooks;

/** An authentic webhook whose body lacks what its event needs: answered 400. */
public class MalformedHookException extends RuntimeException {
    public MalformedHookException(String message) {
        super(message, null, false, false);
    }
}
