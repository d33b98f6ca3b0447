package dev.envparity.deploy;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.envparity.state.PendingDeploy;
import io.quarkus.arc.DefaultBean;

/**
 * The server's way, and the default: one timer thread waits out the debounce window, then starts the verification,
 * which runs asynchronously (see {@link DeployVerifier}): no thread is held while a rollout is awaited, so any number
 * of services deploying at once are verified side by side. On Lambda a producer in {@code trigger.lambda} replaces it.
 */
@ApplicationScoped
@DefaultBean
public class InProcessLauncher implements DeployLauncher {
    private static final Logger LOG = Logger.getLogger(InProcessLauncher.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deploy-debounce");
        t.setDaemon(true);
        return t;
    });
    private final PendingDeploys pending;

    @Inject
    public InProcessLauncher(PendingDeploys pending) {
        this.pending = pending;
    }

    @Override
    public void launch(PendingDeploy first, Duration delay) {
        timer.schedule(() -> {
            try {
                pending.run(first.key(), first).whenComplete((done, failure) -> {
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

    @PreDestroy
    void close() {
        timer.shutdownNow();
    }
}
