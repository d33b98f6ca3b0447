package dev.envparity.trigger.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.deploy.DeployLauncher;
import dev.envparity.state.PendingDeploy;
import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Lambda's way. A Function URL request must be answered at once (GitHub gives up after 10 s), and a Lambda
 * environment is frozen as soon as it has answered, so background threads would never run. Instead the
 * function invokes itself asynchronously (InvocationType Event, Lambda Invoke API) with
 * {"action": "verify-deploy"}; that invocation waits out the debounce window and verifies, with up to the
 * function's timeout to wait for the rollout. The function's role needs lambda:InvokeFunction on itself.
 * <p>
 * With a qualifier (the alias the stack publishes, {@code live}), the verification runs on the version the alias
 * points to — the same one as the webhook's, or a newer one after a deploy — never on {@code $LATEST}, which has no
 * SnapStart snapshot.
 */
public class LambdaSelfInvoker implements DeployLauncher {
    public static final String ACTION = "verify-deploy";

    private final Supplier<LambdaClient> lambda;
    private final String functionName;
    private final Optional<String> qualifier;
    private final ObjectMapper json;

    public LambdaSelfInvoker(Supplier<LambdaClient> lambda, String functionName, Optional<String> qualifier, ObjectMapper json) {
        this.lambda = lambda;
        this.functionName = functionName;
        this.qualifier = qualifier;
        this.json = json;
    }

    /** The self-invocation's event. */
    @RegisterForReflection
    public record VerifyEvent(String action, String key, long delayMs, PendingDeploy deploy) {
    }

    /** @throws software.amazon.awssdk.core.exception.SdkException naming Lambda Invoke, when the call fails */
    @Override
    public void launch(PendingDeploy first, Duration delay) {
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(new VerifyEvent(ACTION, first.key(), delay.toMillis(), first));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lambda.get().invoke(r -> r.functionName(functionName).qualifier(qualifier.orElse(null))
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromByteArray(payload)));
    }
}
