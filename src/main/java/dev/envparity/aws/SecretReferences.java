package dev.envparity.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.config.AwsSettings;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Any {@code parity.*} value of the form {@code ssm:/path/name} (SSM Parameter Store, decrypted) or
 * {@code secretsmanager:<name or ARN>[#json-key]} (Secrets Manager) is replaced by the secret it names when the
 * configuration loads, and kept in memory only. Runs after {@code ${ENV}} expansion, so {@code url: ${SLACK_URL}}
 * with {@code SLACK_URL=ssm:/envparity/slack} works too. A parameter that is missing or not readable stops start-up
 * with a message naming the key and the reference, never the value.
 * <p>
 * Values are read once per process: a cold start. On Lambda with SnapStart the configuration is loaded after a
 * restore, never into the snapshot ({@code quarkus.snapstart.full-warmup} is off, see application.yaml), and
 * {@link SnapStartHooks} drops what a snapshot might still hold, so a restored function never runs on a rotated
 * secret.
 */
@Priority(Priorities.APPLICATION + 100)
public class SecretReferences implements ConfigSourceInterceptor {
    private static final long serialVersionUID = 1L;
    static final String SSM = "ssm:";
    static final String SECRETS_MANAGER = "secretsmanager:";
    private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();
    /** One set of clients per configuration load: one credentials lookup (a web identity exchange) for every reference. */
    private transient AwsClients aws;

    static {
        // Built while Quarkus initialises, before any snapshot: the place to register the SnapStart hooks.
        SnapStartHooks.register();
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value == null || value.getValue() == null || !name.startsWith("parity.") || name.startsWith("parity.aws.")) {
            return value;
        }
        String raw = value.getValue().trim();
        if (!raw.startsWith(SSM) && !raw.startsWith(SECRETS_MANAGER)) {
            return value;
        }
        String secret = RESOLVED.computeIfAbsent(raw, ref -> resolve(clients(context), name, ref));
        return value.withValue(secret);
    }

    /** Every value read so far is read again when next asked for. */
    public static void forget() {
        RESOLVED.clear();
    }

    private synchronized AwsClients clients(ConfigSourceInterceptorContext context) {
        if (aws == null) {
            aws = new AwsClients(settings(context));
        }
        return aws;
    }

    private static String resolve(AwsClients aws, String key, String ref) {
        try {
            return ref.startsWith(SSM) ? parameter(aws, ref.substring(SSM.length()))
                    : secret(aws, ref.substring(SECRETS_MANAGER.length()));
        } catch (SdkException e) {
            throw new ConfigurationException(key + ": cannot read " + ref + " (" + reason(e, ref) + ")");
        } catch (UnreadableSecret e) {
            throw new ConfigurationException(key + ": cannot read " + ref + " (" + e.getMessage() + ")");
        }
    }

    private static String parameter(AwsClients aws, String name) {
        String value = aws.ssm().getParameter(r -> r.name(name).withDecryption(true)).parameter().value();
        if (value == null) {
            throw new UnreadableSecret("the parameter has no value");
        }
        return value;
    }

    private static String secret(AwsClients aws, String reference) {
        int hash = reference.indexOf('#');
        String id = hash < 0 ? reference : reference.substring(0, hash);
        GetSecretValueResponse answer = aws.secretsManager().getSecretValue(r -> r.secretId(id));
        String text = answer.secretString() != null ? answer.secretString()
                : answer.secretBinary() != null ? answer.secretBinary().asUtf8String() : null;
        if (text == null) {
            throw new UnreadableSecret("the secret has no value");
        }
        if (hash < 0) {
            return text;
        }
        String field = reference.substring(hash + 1);
        try {
            JsonNode json = new ObjectMapper().readTree(text);
            if (json.path(field).isValueNode() && !json.path(field).isNull()) {
                return json.get(field).asText();
            }
        } catch (Exception notJson) {
            // reported below, without the secret's content
        }
        throw new UnreadableSecret("the secret is not a JSON object with a field '" + field + "'");
    }

    /** The AWS error in words an operator can act on; AWS messages may quote the ARN, never the secret. */
    private static String reason(SdkException e, String ref) {
        String code = e instanceof AwsServiceException s && s.awsErrorDetails() != null ? s.awsErrorDetails().errorCode() : "";
        return switch (String.valueOf(code)) {
            case "ParameterNotFound", "ResourceNotFoundException" -> "it does not exist";
            case "AccessDeniedException" -> "access denied: grant "
                    + (ref.startsWith(SSM) ? "ssm:GetParameter (and kms:Decrypt)" : "secretsmanager:GetSecretValue")
                    + " to the function's role";
            default -> e.getMessage();
        };
    }

    /** The parity.aws.* keys, checked as {@link AwsSettings} checks them once the configuration is loaded. */
    private static AwsSettings settings(ConfigSourceInterceptorContext context) {
        Map<String, String> endpoints = new TreeMap<>();
        for (String service : List.of("ssm", "secretsmanager")) {
            Optional.ofNullable(valueOf(context, "parity.aws.endpoints." + service)).ifPresent(url -> endpoints.put(service, url));
        }
        List<String> problems = new ArrayList<>();
        AwsSettings settings = AwsSettings.of(Optional.ofNullable(valueOf(context, "parity.aws.region")), endpoints, problems::add);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("; ", problems));
        }
        return settings;
    }

    private static String valueOf(ConfigSourceInterceptorContext context, String name) {
        ConfigValue v = context.proceed(name);
        return v == null ? null : v.getValue();
    }

    /** The call succeeded but holds no usable value. */
    private static final class UnreadableSecret extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableSecret(String message) {
            super(message, null, false, false);
        }
    }
}
