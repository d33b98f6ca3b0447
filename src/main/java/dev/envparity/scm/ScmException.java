package dev.envparity.scm;

/** A code host could not answer: the message is one sentence for the report, without a token or the host's body. */
final class ScmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScmException(String message) {
        super(message, null, false, false);
    }
}
