package dev.envparity.aws;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Any {@code parity.*} value of the form {@code ssm:/path/name} (SSM Parameter Store, decrypted) or
 * {@code secretsmanager:<name or ARN>[#json-key]} (Secrets Manager) is replaced by the secret it names, once per
 * process — a Lambda cold start — and kept in memory only. Runs after {@code ${ENV}} expansion, so
 * {@code url: ${SLACK_URL}} with {@code SLACK_URL=ssm:/envparity/slack} works too. A parameter that is missing or
 * not readable stops start-up with a message naming the key and the reference, never the value.
 */
@Priority(Priorities.APPLICATION + 100)
public class SecretReferences implements ConfigSourceInterceptor {
    private static final long serialVersionUID = 1L;
    static final String SSM = "ssm:";
    static final String SECRETS_MANAGER = "secretsmanager:";
    private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();

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
        String secret = RESOLVED.computeIfAbsent(raw, ref -> resolve(context, name, ref));
        return value.withValue(secret);
    }

    private static String resolve(ConfigSourceInterceptorContext context, String key, String ref) {
        AwsClient aws = new AwsClient(Optional.ofNullable(valueOf(context, "parity.aws.region")),
                endpoints(context), Clock.systemUTC(), AwsCredentials::fromEnvironment);
        try {
            return ref.startsWith(SSM) ? parameter(aws, ref.substring(SSM.length())) : secret(aws, ref.substring(SECRETS_MANAGER.length()));
        } catch (AwsException e) {
            throw new ConfigurationException(key + ": cannot read " + ref + " (" + reason(e, ref) + ")");
        }
    }

    private static String parameter(AwsClient aws, String name) {
        ObjectNode request = aws.json().createObjectNode().put("Name", name).put("WithDecryption", true);
        JsonNode value = aws.call("ssm", "AmazonSSM.GetParameter", "1.1", request).at("/Parameter/Value");
        if (!value.isTextual()) {
            throw new AwsException("ssm", 200, "NoValue", "the parameter has no value");
        }
        return value.asText();
    }

    private static String secret(AwsClient aws, String reference) {
        int hash = reference.indexOf('#');
        String id = hash < 0 ? reference : reference.substring(0, hash);
        ObjectNode request = aws.json().createObjectNode().put("SecretId", id);
        JsonNode answer = aws.call("secretsmanager", "secretsmanager.GetSecretValue", "1.1", request);
        String text = answer.has("SecretString") ? answer.get("SecretString").asText()
                : answer.has("SecretBinary") ? new String(Base64.getDecoder().decode(answer.get("SecretBinary").asText()), StandardCharsets.UTF_8)
                        : null;
        if (text == null) {
            throw new AwsException("secretsmanager", 200, "NoValue", "the secret has no value");
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
        throw new AwsException("secretsmanager", 200, "NoSuchKey", "the secret is not a JSON object with a field '" + field + "'");
    }

    /** The AWS error in words an operator can act on; AWS messages may quote the ARN, never the secret. */
    private static String reason(AwsException e, String ref) {
        return switch (e.type()) {
            case "ParameterNotFound", "ResourceNotFoundException" -> "it does not exist";
            case "AccessDeniedException" -> "access denied: grant "
                    + (ref.startsWith(SSM) ? "ssm:GetParameter (and kms:Decrypt)" : "secretsmanager:GetSecretValue")
                    + " to the function's role";
            default -> e.getMessage();
        };
    }

    private static String valueOf(ConfigSourceInterceptorContext context, String name) {
        ConfigValue v = context.proceed(name);
        return v == null ? null : v.getValue();
    }

    private static Map<String, String> endpoints(ConfigSourceInterceptorContext context) {
        Map<String, String> endpoints = new ConcurrentHashMap<>();
        for (String service : new String[] { "ssm", "secretsmanager" }) {
            String url = valueOf(context, "parity.aws.endpoints." + service);
            if (url != null) {
                endpoints.put(service, url);
            }
        }
        return endpoints;
    }
}
