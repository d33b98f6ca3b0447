package dev.envparity.aws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.envparity.config.AwsSettings;

/**
 * The four AWS APIs envparity needs — DynamoDB, SSM Parameter Store, Secrets Manager (JSON protocol) and Lambda
 * Invoke (REST-JSON) — over one signed HTTPS client instead of the AWS SDK: no SDK version is served here for
 * all four at once, and this keeps the native function small. Credentials and region come from the Lambda
 * environment; endpoints can be overridden ({@code parity.aws.endpoints.<service>}) for tests and VPC endpoints.
 */
@ApplicationScoped
public class AwsClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Optional<String> region;
    private final Map<String, String> endpoints;
    private final Clock clock;
    private final Supplier<Optional<AwsCredentials>> credentials;

    @Inject
    public AwsClient(AwsSettings settings, Clock clock) {
        this(settings.region(), settings.endpoints().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString())), clock,
                AwsCredentials::fromEnvironment);
    }

    /** @param credentials read per call: Lambda's temporary credentials are fixed per environment, others rotate */
    public AwsClient(Optional<String> region, Map<String, String> endpoints, Clock clock,
            Supplier<Optional<AwsCredentials>> credentials) {
        this.region = region.or(() -> Optional.ofNullable(AwsCredentials.value("AWS_REGION", "aws.region")));
        this.endpoints = Map.copyOf(endpoints);
        this.clock = clock;
        this.credentials = credentials;
    }

    public ObjectMapper json() {
        return json;
    }

    /**
     * One call of a JSON-protocol API.
     *
     * @param target the X-Amz-Target, e.g. "DynamoDB_20120810.PutItem"
     * @param jsonVersion "1.0" (DynamoDB) or "1.1" (SSM, Secrets Manager)
     */
    public JsonNode call(String service, String target, String jsonVersion, ObjectNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-" + jsonVersion);
        headers.put("X-Amz-Target", target);
        return send(service, "POST", "/", headers, bytes(body));
    }

    /** A REST-JSON call, e.g. Lambda's POST /2015-03-31/functions/{name}/invocations. */
    public JsonNode rest(String service, String method, String path, Map<String, String> headers, byte[] body) {
        return send(service, method, path, headers, body);
    }

    private JsonNode send(String service, String method, String path, Map<String, String> headers, byte[] body) {
        String r = region.orElseThrow(() -> new AwsException(service, 0, "NoRegion",
                "no AWS region: set AWS_REGION or parity.aws.region"));
        AwsCredentials signer = credentials.get().orElseThrow(() -> new AwsException(service, 0,
                "NoCredentials", "no AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set"));
        URI uri = URI.create(endpoints.getOrDefault(service, "https://" + service + "." + r + ".amazonaws.com") + path);
        // Each of these APIs signs with its endpoint prefix as the service name.
        Map<String, String> signed = SigV4.sign(method, uri, headers, body, r, service, signer, clock.instant());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEach(request::header);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AwsException(service, 0, "ConnectionFailed", "could not reach " + uri.getHost()
                    + (e.getMessage() == null ? " (" + e.getClass().getSimpleName() + ")" : " (" + e.getMessage() + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsException(service, 0, "Interrupted", null);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 300) {
            String type = answer.path("__type").asText(response.headers().firstValue("x-amzn-errortype").orElse(null));
            if (type != null && type.contains("#")) {
                type = type.substring(type.indexOf('#') + 1);
            }
            String message = answer.has("message") ? answer.get("message").asText() : answer.path("Message").asText(null);
            throw new AwsException(service, response.statusCode(), type, message);
        }
        return answer;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
