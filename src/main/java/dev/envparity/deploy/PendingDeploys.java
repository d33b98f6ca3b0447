package dev.envparity.deploy;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.envparity.config.CheckPlan;
import dev.envparity.report.ParityReport;
import dev.envparity.state.DeployQueue;
import dev.envparity.state.PendingDeploy;

/**
 * Verifies what waits once its debounce window is over, whichever launcher waited it out. The verification awaits the
 * rollout without holding a thread (its polls are scheduled); only its final comparison and chat post take one, from a
 * pool with a thread for each configured (service, environment) pair, up to {@value #MAX_THREADS}, so many services
 * deploying at once are verified side by side.
 */
@ApplicationScoped
public class PendingDeploys {
    private static final Logger LOG = Logger.getLogger(PendingDeploys.class);
    static final int MAX_THREADS = 32;

    private final DeployQueue queue;
    private final DeployVerifier verifier;
    private final ScheduledExecutorService verifications;

    @Inject
    public PendingDeploys(DeployQueue queue, DeployVerifier verifier, CheckPlan plan) {
        this(queue, verifier, plan.services().size() * plan.environments().size());
    }

    PendingDeploys(DeployQueue queue, DeployVerifier verifier, int pairs) {
        this.queue = queue;
        this.verifier = verifier;
        this.verifications = Executors.newScheduledThreadPool(Math.max(2, Math.min(pairs, MAX_THREADS)), r -> {
            Thread t = new Thread(r, "deploy-verification");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Verifies what waits for {@code key}. The deploy that started the wait is the fallback when the queue lives in
     * another process's memory (Lambda without the DynamoDB store).
     */
    public CompletableFuture<Optional<ParityReport>> run(String key, PendingDeploy started) {
        Optional<PendingDeploy> deploy = queue.take(key).or(() -> Optional.ofNullable(started));
        if (deploy.isEmpty()) {
            LOG.infof("Nothing waits for %s any more", key);
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return verifier.verify(deploy.get(), verifications).thenApply(Optional::of);
    }

    @PreDestroy
    void close() {
        verifications.shutdownNow();
    }
}
