package dev.envparity.deploy;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.envparity.config.HooksPlan;
import dev.envparity.state.DeployQueue;
import dev.envparity.state.PendingDeploy;

/**
 * Turns accepted deploy events into verifications, one per service and environment however many events arrive
 * within the debounce window: the first event queues the deploy and has the {@link DeployLauncher} start a
 * verification after the window; later ones only update what waits (the latest version wins).
 */
@ApplicationScoped
public class DeployDispatcher {
    private final DeployQueue queue;
    private final DeployLauncher launcher;
    private final Duration debounce;

    @Inject
    public DeployDispatcher(DeployQueue queue, DeployLauncher launcher, HooksPlan hooks) {
        this(queue, launcher, hooks.verify().debounce());
    }

    public DeployDispatcher(DeployQueue queue, DeployLauncher launcher, Duration debounce) {
        this.queue = queue;
        this.launcher = launcher;
        this.debounce = debounce;
    }

    /**
     * @return true when a new verification was started; false when the deploy joined one that waits
     * @throws RuntimeException when the verification could not be started; nothing then waits for it
     */
    public boolean submit(PendingDeploy deploy) {
        if (!queue.offer(deploy)) {
            return false;
        }
        try {
            launcher.launch(deploy, debounce);
        } catch (RuntimeException e) {
            queue.take(deploy.key()); // so that a redelivery can start it again
            throw e;
        }
        return true;
    }
}
