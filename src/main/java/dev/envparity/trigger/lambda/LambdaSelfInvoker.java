package dev.envparity.trigger.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.aws.AwsClient;
import dev.envparity.state.PendingDeploy;
import dev.envparity.deploy.DeployLauncher;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Lambda's way. A Function URL request must be answered at once (GitHub gives up after 10 s), and a Lambda
 * environment is frozen as soon as it has answered, so background threads would never run. Instead the
 * function invokes itself asynchronously (InvocationType Event, Lambda Invoke API) with
 * {"action": "verify-deploy"}; that invocation waits out the debounce window and verifies, with up to the
 * function's timeout to wait for the rollout. The function's role needs lambda:InvokeFunction on itself.
 */
public class LambdaSelfInvoker implements DeployLauncher {
    public static final String ACTION = "verify-deploy";

    private final AwsClient aws;
    private final String functionName;
    private final ObjectMapper json;

    public LambdaSelfInvoker(AwsClient aws, String functionName, ObjectMapper json) {
        this.aws = aws;
        this.functionName = functionName;
        this.json = json;
    }

    /** The self-invocation's event. */
    @RegisterForReflection
    public record VerifyEvent(String action, String key, long delayMs, PendingDeploy deploy) {
    }

    @Override
    public void launch(PendingDeploy first, Duration delay) {
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(new VerifyEvent(ACTION, first.key(), delay.toMillis(), first));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        aws.rest("lambda", "POST", "/2015-03-31/functions/" + functionName + "/invocations",
                Map.of("Content-Type", "application/json", "X-Amz-Invocation-Type", "Event"), payload);
    }
}
