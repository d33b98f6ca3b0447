package dev.envparity.deploy;

import java.time.Duration;

import dev.envparity.state.PendingDeploy;

/** Starts, after {@code delay}, the verification of whatever then waits for the deploy's service and environment. */
public interface DeployLauncher {

    /** @throws RuntimeException when the verification cannot be started; the webhook is then answered 503 */
    void launch(PendingDeploy first, Duration delay);
}
