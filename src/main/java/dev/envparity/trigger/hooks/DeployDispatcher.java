package dev.envparity.trigger.hooks;

import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.DeployVerifier;
import dev.envparity.aws.AwsClient;
import dev.envparity.config.ParityConfig;
import dev.envparity.report.ParityReport;
import dev.envparity.state.DeployQueue;
import dev.envparity.state.PendingDeploy;
import dev.envparity.trigger.lambda.LambdaSelfInvoker;

/**
 * Turns accepted deploy events into verifications, one per service and environment however many events
 * arrive within the debounce window: the first event queues the deploy and starts a verification after the
 * window; later ones only update what waits (the latest version wins). In the server the wait runs on a few
 * threads of its own; on Lambda the function invokes itself asynchronously (see {@link LambdaSelfInvoker}).
 */
@ApplicationScoped
public class DeployDispatcher {
    private static final Logger LOG = Logger.getLogger(DeployDispatcher.class);

    private final DeployQueue queue;
    private final DeployVerifier verifier;
    private final Duration debounce;
    private final DeployLauncher launcher;

    @Inject
    public DeployDispatcher(DeployQueue queue, DeployVerifier verifier, ParityConfig config, AwsClient aws, ObjectMapper json) {
        this.queue = queue;
        this.verifier = verifier;
        this.debounce = config.hooks().verify().debounce();
        String mode = config.hooks().verify().async();
        String function = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        if (mode.equals("lambda") || mode.equals("auto") && function != null) {
            this.launcher = new LambdaSelfInvoker(aws, function, json);
        } else {
            this.launcher = new InProcessLauncher(first -> runPending(first.key(), first));
        }
    }

    /** @return true when a new verification was started; false when the deploy joined one that waits */
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
    public Optional<ParityReport> runPending(String key, PendingDeploy started) {
        Optional<PendingDeploy> deploy = queue.take(key).or(() -> Optional.ofNullable(started));
        if (deploy.isEmpty()) {
            LOG.infof("Nothing waits for %s any more", key);
        }
        return deploy.map(verifier::verify);
    }

    @PreDestroy
    void close() {
        if (launcher instanceof InProcessLauncher) {
            ((InProcessLauncher) launcher).close();
        }
    }
}
