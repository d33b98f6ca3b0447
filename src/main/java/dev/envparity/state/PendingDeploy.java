package dev.envparity.state;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A deploy waiting to be verified. Deploy events for the same service and environment merge into one: the
 * latest version and commit win, the first arrival is kept (it starts the rollout clock).
 *
 * @param version may be null
 * @param commit may be null
 */
@RegisterForReflection
public record PendingDeploy(String service, String environment, String version, String commit, String source,
        Instant firstReceivedAt, int events) {

    public String key() {
        return service + "/" + environment;
    }

    public PendingDeploy mergedWith(PendingDeploy later) {
        return new PendingDeploy(service, environment, later.version(), later.commit(), later.source(), firstReceivedAt,
                events + later.events());
    }
}
