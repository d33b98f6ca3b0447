package dev.envparity.hooks;

/** What a verified webhook turned out to be. */
public sealed interface Parsed permits Parsed.Deploy, Parsed.Ignored, Parsed.Ping {

    /** A successful deploy: verify it. */
    record Deploy(DeployNotice notice) implements Parsed {
    }

    /** Authentic, but nothing to do (a failed deploy, an event we do not handle): answered 202 with the reason. */
    record Ignored(String reason) implements Parsed {
    }

    /** GitHub's hello when a hook is created. */
    record Ping() implements Parsed {
    }

    static Parsed deploy(DeployNotice notice) {
        return new Deploy(notice);
    }

    static Parsed ignored(String reason) {
        return new Ignored(reason);
    }

    static Parsed ping() {
        return new Ping();
    }
}
