package dev.envparity.scm;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.envparity.config.ScmPlan;

/** Code hosts pointed at loopback stand-ins, for the tests of this package. */
final class ScmTesting {
    static final String TOKEN = "ghp_TestTokenNeverPrinted0123456789";
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private ScmTesting() {
    }

    static CodeHosts hosts(String githubApi, String gitlabApi, Duration timeout) {
        return hosts(githubApi, gitlabApi, timeout, CLOCK);
    }

    static CodeHosts hosts(String githubApi, String gitlabApi, Duration timeout, Clock clock) {
        return new CodeHosts(new ScmPlan(new ScmPlan.Host(URI.create(githubApi), Optional.of(TOKEN)),
                new ScmPlan.Host(URI.create(gitlabApi), Optional.of(TOKEN)), timeout), clock);
    }
}
