package dev.envparity.trigger.hooks;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.DeployVerifier;
import dev.envparity.aws.AwsClient;
import dev.envparity.config.CheckPlan;
import dev.envparity.config.ParityConfig;
import dev.envparity.report.ParityReport;
import dev.envparity.state.DeployQueue;
import dev.envparity.state.PendingDeploy;
import dev.envparity.trigger.lambda.LambdaSelfInvoker;

/**
 * Turns accepted deploy events into verifications, one per service and environment however many events
 * arrive within the debounce window: the first event queues the deploy and starts a verification after the
 * window; later ones only update what waits (the latest version wins). In the server a timer waits out the
 * window; on Lambda the function invokes itself asynchronously (see {@link LambdaSelfInvoker}). Either way the
 * verification awaits the rollout without holding a thread (its polls are scheduled); only its final comparison
 * and chat post take one, from a pool with a thread for each configured (service, environment) pair, up to
 * {@value #MAX_THREADS}, so many services deploying at once are verified side by side.
 */
@ApplicationScoped
public class DeployDispatcher {
    private static final Logger LOG = Logger.getLogger(DeployDispatcher.class);
    static final int MAX_THREADS = 32;

    private final DeployQueue queue;
    private final DeployVerifier verifier;
    private final Duration debounce;
    private final DeployLauncher launcher;
    private final ScheduledExecutorService verifications;

    @Inject
    public DeployDispatcher(DeployQueue queue, DeployVerifier verifier, ParityConfig config, CheckPlan plan, AwsClient aws,
            ObjectMapper json) {
        this.queue = queue;
        this.verifier = verifier;
        this.debounce = config.hooks().verify().debounce();
        this.verifications = pool(plan.services().size() * plan.environments().size());
        String mode = config.hooks().verify().async();
        String function = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        if (mode.equals("lambda") || mode.equals("auto") && function != null) {
            this.launcher = new LambdaSelfInvoker(aws, function, json);
        } else {
            this.launcher = new InProcessLauncher(first -> runPending(first.key(), first));
        }
    }

    DeployDispatcher(DeployQueue queue, DeployVerifier verifier, Duration debounce, DeployLauncher launcher) {
        this.queue = queue;
        this.verifier = verifier;
        this.debounce = debounce;
        this.launcher = launcher;
        this.verifications = pool(1);
    }

    private static ScheduledExecutorService pool(int pairs) {
        return Executors.newScheduledThreadPool(Math.max(2, Math.min(pairs, MAX_THREADS)), r -> {
            Thread t = new Thread(r, "deploy-verification");
            t.setDaemon(true);
            return t;
        });
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

    /**
     * Verifies what waits for {@code key}. The deploy that started the wait is the fallback when the queue lives
     * in another process's memory (Lambda without the DynamoDB store).
     */
    public CompletableFuture<Optional<ParityReport>> runPending(String key, PendingDeploy started) {
        Optional<PendingDeploy> deploy = queue.take(key).or(() -> Optional.ofNullable(started));
        if (deploy.isEmpty()) {
            LOG.infof("Nothing waits for %s any more", key);
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return verifier.verify(deploy.get(), verifications).thenApply(Optional::of);
    }

    @PreDestroy
    void close() {
        if (launcher instanceof InProcessLauncher) {
            ((InProcessLauncher) launcher).close();
        }
        verifications.shutdownNow();
    }
}
