package dev.envparity.notify;

import java.time.Duration;

import dev.envparity.report.Pending;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;

/**
 * How a deploy went, for its summary: whether the environment reports what was deployed, and after how long.
 *
 * @param source the webhook provider that announced it (github, gitlab, argocd, generic)
 * @param expectedVersion the deployed version, when the deploy tool said
 * @param expectedCommit the deployed commit, when the deploy tool said
 * @param live whether the environment reports the deployed version or commit (always, when none was expected)
 * @param waited from the first deploy event to the verdict
 * @param shipped what the code host says the deploy brought to the environment (its old commit to its new one), or null
 */
public record Rollout(String service, String environment, String source, String expectedVersion, String expectedCommit,
        boolean live, Duration waited, Pending shipped) {

    public Rollout(String service, String environment, String source, String expectedVersion, String expectedCommit,
            boolean live, Duration waited) {
        this(service, environment, source, expectedVersion, expectedCommit, live, waited, null);
    }

    /** Whether the deploy tool said what it deployed, so that the rollout can be waited for. */
    public boolean expects() {
        return expectedVersion != null || expectedCommit != null;
    }

    /** At least info when live, at least a warning when the environment never showed the new build. */
    Severity severity(ServiceReport checked) {
        return Severity.max(live ? Severity.INFO : Severity.WARNING, checked.severity());
    }
}
