package dev.envparity.testing;

import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.testing.StubServer.Reply;

/**
 * A loopback stand-in for the two JSON 1.1 APIs envparity reads secrets from, answering as they do: SSM
 * GetParameter ({@code X-Amz-Target: AmazonSSM.GetParameter}) and Secrets Manager GetSecretValue
 * ({@code secretsmanager.GetSecretValue}), with their not-found, access-denied, throttling and server-error answers
 * (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html,
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html). Unsigned requests are
 * refused. Nothing offline serves the real ones.
 */
public final class FakeAwsSecrets implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "application/x-amz-json-1.1";
    private final StubServer server = StubServer.http();
    private final Queue<Reply> failures = new ConcurrentLinkedQueue<>();

    /**
     * @param values parameter names ("/envparity/chat") and secret ids ("envparity/tokens") to their values
     * @param denied names and ids the caller may not read
     */
    public FakeAwsSecrets(Map<String, String> values, Set<String> denied) {
        server.on("/", request -> {
            Reply failure = failures.poll();
            return failure != null ? failure : answer(request, values, denied);
        });
    }

    /** The next request answers 400 ThrottlingException, as SSM does when its rate is exceeded. */
    public FakeAwsSecrets throttleNext() {
        failures.add(Reply.of(400, TYPE, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"));
        return this;
    }

    /** The next request answers 500 InternalServerError. */
    public FakeAwsSecrets failNext() {
        failures.add(Reply.of(500, TYPE, "{\"__type\":\"InternalServerError\",\"message\":\"An internal error occurred\"}"));
        return this;
    }

    /** The access key id each request was signed with ("" when unsigned). */
    public static String signedBy(StubServer.Request request) {
        String auth = request.header("Authorization");
        String marker = "Credential=";
        if (auth == null || !auth.contains(marker)) {
            return "";
        }
        String credential = auth.substring(auth.indexOf(marker) + marker.length());
        return credential.substring(0, credential.indexOf('/'));
    }

    private static Reply answer(StubServer.Request request, Map<String, String> values, Set<String> denied) {
        if (request.header("Authorization") == null || !request.header("Authorization").startsWith("AWS4-HMAC-SHA256 ")) {
            return Reply.of(400, TYPE, "{\"__type\":\"MissingAuthenticationTokenException\",\"message\":\"Missing Authentication Token\"}");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (Exception e) {
            return Reply.of(400, TYPE, "{\"__type\":\"SerializationException\"}");
        }
        String target = String.valueOf(request.header("X-Amz-Target"));
        boolean ssm = target.equals("AmazonSSM.GetParameter");
        String name = ssm ? body.path("Name").asText() : body.path("SecretId").asText();
        if (!ssm && !target.equals("secretsmanager.GetSecretValue")) {
            return Reply.of(400, TYPE, "{\"__type\":\"UnknownOperationException\"}");
        }
        if (denied.contains(name)) {
            return Reply.of(400, TYPE, "{\"__type\":\"AccessDeniedException\",\"Message\":\"User: "
                    + "arn:aws:sts::123456789012:assumed-role/envparity/fn is not authorized to perform this action\"}");
        }
        String value = values.get(name);
        if (value == null) {
            return Reply.of(400, TYPE, ssm ? "{\"__type\":\"ParameterNotFound\"}"
                    : "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}");
        }
        var answer = JSON.createObjectNode();
        if (ssm) {
            answer.putObject("Parameter").put("Name", name).put("Type", "SecureString").put("Value", value).put("Version", 3)
                    .put("ARN", "arn:aws:ssm:eu-west-1:123456789012:parameter" + name).put("DataType", "text");
        } else {
            answer.put("ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + name + "-AbCdEf").put("Name", name)
                    .put("SecretString", value).put("VersionId", "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111");
        }
        return Reply.of(200, TYPE, answer.toString());
    }

    public String url() {
        return server.url();
    }

    public StubServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
