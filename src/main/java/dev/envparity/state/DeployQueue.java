package dev.envparity.state;

import java.util.Optional;

/** Deploys waiting for verification, one per service and environment: how bursts of webhooks become one check. */
public interface DeployQueue {

    /**
     * Adds the deploy, or merges it into the one already waiting for its service and environment.
     *
     * @return true when nothing was waiting: the caller starts a verification
     */
    boolean offer(PendingDeploy deploy);

    /** Removes and returns what waits for {@code key} ("service/environment"). */
    Optional<PendingDeploy> take(String key);
}
