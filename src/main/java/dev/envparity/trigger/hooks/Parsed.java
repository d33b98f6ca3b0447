package dev.envparity.trigger.hooks;

/** What a verified webhook turned out to be. */
public record Parsed(Kind kind, DeployNotice notice, String reason) {

    public enum Kind {
        /** A successful deploy: verify it. */
        DEPLOY,
        /** Authentic, but nothing to do (a failed deploy, an event we do not handle): answered 202 with the reason. */
        IGNORED,
        /** GitHub's hello when a hook is created. */
        PING
    }

    static Parsed deploy(DeployNotice notice) {
        return new Parsed(Kind.DEPLOY, notice, null);
    }

    static Parsed ignored(String reason) {
        return new Parsed(Kind.IGNORED, null, reason);
    }

    static Parsed ping() {
        return new Parsed(Kind.PING, null, null);
    }
}
