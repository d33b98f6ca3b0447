package dev.envparity.infra;

import java.nio.file.Path;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** {@code npx aws-cdk@2 deploy} (in infra/) runs this: one stack, checked by cdk-nag's AWS Solutions rules. */
public final class EnvParityApp {
    private EnvParityApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        Settings settings = Settings.from(app.getNode(), Path.of("target", "config-layer"));
        new EnvParityStack(app, "EnvParity", StackProps.builder()
                .env(Environment.builder().account(System.getenv("CDK_DEFAULT_ACCOUNT")).region(System.getenv("CDK_DEFAULT_REGION")).build())
                .description("envparity: environment parity checks for your services (https://github.com/)")
                .build(), settings);
        Aspects.of(app).add(new AwsSolutionsChecks());
        app.synth();
    }
}
