package dev.envparity.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import dev.envparity.config.AwsSettings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS SDK clients envparity uses, all configured alike and built on first use (a CLI that never touches AWS
 * never looks for a region or credentials):
 * <ul>
 * <li>credentials from the SDK's default chain — environment, web identity (GitHub Actions OIDC, EKS IRSA), profiles
 * with SSO, {@code credential_process} or assume-role, container credentials (ECS, EKS Pod Identity, Lambda
 * SnapStart), EC2 instance metadata (https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html);</li>
 * <li>the region from {@code parity.aws.region}, else the SDK's default region chain;</li>
 * <li>the endpoint from {@code parity.aws.endpoints.<service>}, else the SDK's own resolution, which honours
 * {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>}
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html);</li>
 * <li>the standard retry mode: throttling and 5xx answers retried with backoff and jitter, clock skew corrected
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html);</li>
 * <li>one small blocking HTTP client (url-connection-client): envparity makes a few AWS calls per run.</li>
 * </ul>
 * Every failure names the service and the operation ({@link OperationNaming}).
 */
public final class AwsClients implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** The self-invocation answers a webhook, and GitHub gives up on a webhook after 10 s. */
    private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(8);

    private final AwsSettings settings;
    private final Lazy<SdkHttpClient> http;
    private final Lazy<AwsCredentialsProvider> credentials;
    private final Lazy<DynamoDbClient> dynamoDb;
    private final Lazy<SsmClient> ssm;
    private final Lazy<SecretsManagerClient> secretsManager;
    private final Lazy<LambdaClient> lambda;

    public AwsClients(AwsSettings settings) {
        this(settings, () -> DefaultCredentialsProvider.builder().build());
    }

    /** @param credentials for tests that give fixed credentials; otherwise the default chain */
    public AwsClients(AwsSettings settings, AwsCredentialsProvider credentials) {
        this(settings, () -> credentials);
    }

    // Even the HTTP client waits for the first call: building it sets up TLS (an SSLContext with the JDK's trust
    // store), which a check that never calls AWS should not pay for at start-up.
    private AwsClients(AwsSettings settings, Supplier<AwsCredentialsProvider> credentials) {
        this.settings = settings;
        this.credentials = new Lazy<>(credentials);
        this.http = new Lazy<>(() -> UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(READ_TIMEOUT).build());
        this.dynamoDb = new Lazy<>(() -> configure(DynamoDbClient.builder(), "dynamodb", CALL_TIMEOUT));
        this.ssm = new Lazy<>(() -> configure(SsmClient.builder(), "ssm", CALL_TIMEOUT));
        this.secretsManager = new Lazy<>(() -> configure(SecretsManagerClient.builder(), "secretsmanager", CALL_TIMEOUT));
        this.lambda = new Lazy<>(() -> configure(LambdaClient.builder(), "lambda", INVOKE_TIMEOUT));
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    public SsmClient ssm() {
        return ssm.get();
    }

    public SecretsManagerClient secretsManager() {
        return secretsManager.get();
    }

    public LambdaClient lambda() {
        return lambda.get();
    }

    private <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C configure(B builder, String service,
            Duration callTimeout) {
        builder.httpClient(http.get()).credentialsProvider(credentials.get()).region(region(service))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).apiCallTimeout(callTimeout)
                        .addExecutionInterceptor(new OperationNaming()));
        Optional<URI> endpoint = Optional.ofNullable(settings.endpoints().get(service));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private Region region(String service) {
        if (settings.region().isPresent()) {
            return Region.of(settings.region().get());
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkClientException e) {
            throw SdkClientException.create(service + ": no AWS region; set AWS_REGION (or a profile's region, or "
                    + "parity.aws.region)");
        }
    }

    @Override
    public void close() {
        for (Lazy<? extends SdkAutoCloseable> client : java.util.List.of(dynamoDb, ssm, secretsManager, lambda)) {
            client.ifBuilt(SdkAutoCloseable::close);
        }
        credentials.ifBuilt(c -> {
            if (c instanceof SdkAutoCloseable closeable) {
                closeable.close();
            }
        });
        http.ifBuilt(SdkHttpClient::close);
    }

    /** Built once, on first use. */
    private static final class Lazy<T> {
        private final Supplier<T> build;
        private volatile T value;

        Lazy(Supplier<T> build) {
            this.build = build;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    if (value == null) {
                        value = build.get();
                    }
                    v = value;
                }
            }
            return v;
        }

        void ifBuilt(java.util.function.Consumer<T> action) {
            if (value != null) {
                action.accept(value);
            }
        }
    }
}
