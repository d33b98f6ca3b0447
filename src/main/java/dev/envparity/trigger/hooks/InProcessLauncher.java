package dev.envparity.trigger.hooks;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import dev.envparity.state.PendingDeploy;

/** The server's way: a few threads of its own that wait out the debounce window, then verify. */
public class InProcessLauncher implements DeployLauncher, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InProcessLauncher.class);

    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "deploy-verification");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<PendingDeploy> run;

    /** @param run verifies what waits for the deploy's key */
    public InProcessLauncher(Consumer<PendingDeploy> run) {
        this.run = run;
    }

    @Override
    public void launch(PendingDeploy first, Duration delay) {
        threads.schedule(() -> {
            try {
                run.accept(first);
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    LOG.infof("The verification of %s stopped: envparity is shutting down", first.key());
                } else {
                    LOG.errorf(e, "The verification of %s failed", first.key());
                }
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
