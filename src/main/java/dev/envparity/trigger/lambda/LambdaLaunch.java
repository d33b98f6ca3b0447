package dev.envparity.trigger.lambda;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.aws.AwsClients;
import dev.envparity.config.HooksPlan;
import dev.envparity.config.InvalidConfigException;
import dev.envparity.deploy.DeployLauncher;
import dev.envparity.deploy.InProcessLauncher;

/**
 * On Lambda a deploy verification cannot wait in this process (it is frozen once the webhook is answered): the
 * function invokes itself ({@link LambdaSelfInvoker}). The runtime names the function in
 * {@code AWS_LAMBDA_FUNCTION_NAME} (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime);
 * the stack names the alias to invoke in {@link #ALIAS_VARIABLE}. Elsewhere the default, in-process launcher runs.
 */
@ApplicationScoped
public class LambdaLaunch {
    /** The alias (or version) the self-invocation targets; unset: the unqualified function. */
    public static final String ALIAS_VARIABLE = "ENVPARITY_FUNCTION_ALIAS";

    @Produces
    @Singleton
    DeployLauncher launcher(HooksPlan hooks, InProcessLauncher inProcess, AwsClients aws, ObjectMapper json) {
        return launcher(hooks.verify().async(), Optional.ofNullable(System.getenv("AWS_LAMBDA_FUNCTION_NAME")),
                Optional.ofNullable(System.getenv(ALIAS_VARIABLE)).filter(a -> !a.isBlank()), inProcess, aws, json);
    }

    static DeployLauncher launcher(HooksPlan.Async mode, Optional<String> function, Optional<String> alias,
            InProcessLauncher inProcess, AwsClients aws, ObjectMapper json) {
        return switch (mode) {
            case IN_PROCESS -> inProcess;
            case AUTO -> function.<DeployLauncher>map(name -> new LambdaSelfInvoker(aws::lambda, name, alias, json)).orElse(inProcess);
            case LAMBDA -> new LambdaSelfInvoker(aws::lambda, function.orElseThrow(() -> new InvalidConfigException(List.of(
                    "parity.hooks.verify.async: lambda needs AWS_LAMBDA_FUNCTION_NAME (set by the Lambda runtime); use "
                            + "auto or in-process outside Lambda"))), alias, json);
        };
    }
}
