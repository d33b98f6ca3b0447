package dev.envparity.trigger.hooks;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jboss.logging.Logger;

import dev.envparity.state.PendingDeploy;

/**
 * The server's way: one timer thread waits out the debounce window, then starts the verification, which runs
 * asynchronously (see {@link dev.envparity.DeployVerifier}): no thread is held while a rollout is awaited, so any
 * number of services deploying at once are verified side by side.
 */
public class InProcessLauncher implements DeployLauncher, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InProcessLauncher.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deploy-debounce");
        t.setDaemon(true);
        return t;
    });
    private final Function<PendingDeploy, CompletionStage<?>> run;

    /** @param run starts verifying what waits for the deploy's key */
    public InProcessLauncher(Function<PendingDeploy, CompletionStage<?>> run) {
        this.run = run;
    }

    @Override
    public void launch(PendingDeploy first, Duration delay) {
        timer.schedule(() -> {
            try {
                run.apply(first).whenComplete((done, failure) -> {
                    if (failure != null) {
                        failed(first, failure);
                    }
                });
            } catch (RuntimeException e) {
                failed(first, e);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void failed(PendingDeploy deploy, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RejectedExecutionException) {
            LOG.infof("The verification of %s stopped: envparity is shutting down", deploy.key());
        } else {
            LOG.errorf(cause, "The verification of %s failed", deploy.key());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
