package dev.envparity.testing;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.testing.StubServer.Reply;

/**
 * A loopback stand-in for the two JSON APIs envparity reads secrets from: SSM GetParameter and Secrets Manager
 * GetSecretValue, including their not-found and access-denied answers. Nothing offline serves the real ones.
 */
public final class FakeAwsSecrets implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StubServer server = StubServer.http();

    /**
     * @param values parameter names ("/envparity/chat") and secret ids ("envparity/tokens") to their values
     * @param denied names and ids the caller may not read
     */
    public FakeAwsSecrets(Map<String, String> values, Set<String> denied) {
        server.on("/", request -> answer(request, values, denied));
    }

    private static Reply answer(StubServer.Request request, Map<String, String> values, Set<String> denied) {
        if (request.header("Authorization") == null || !request.header("Authorization").startsWith("AWS4-HMAC-SHA256 ")) {
            return Reply.of(403, "application/x-amz-json-1.1", "{\"__type\":\"MissingAuthenticationTokenException\"}");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (Exception e) {
            return Reply.of(400, "application/x-amz-json-1.1", "{\"__type\":\"SerializationException\"}");
        }
        String target = String.valueOf(request.header("X-Amz-Target"));
        boolean ssm = target.equals("AmazonSSM.GetParameter");
        String name = ssm ? body.path("Name").asText() : body.path("SecretId").asText();
        if (!ssm && !target.equals("secretsmanager.GetSecretValue")) {
            return Reply.of(400, "application/x-amz-json-1.1", "{\"__type\":\"UnknownOperationException\"}");
        }
        if (denied.contains(name)) {
            return Reply.of(400, "application/x-amz-json-1.1", "{\"__type\":\"AccessDeniedException\",\"Message\":\"User: "
                    + "arn:aws:sts::123456789012:assumed-role/envparity/fn is not authorized to perform this action\"}");
        }
        String value = values.get(name);
        if (value == null) {
            return Reply.of(400, "application/x-amz-json-1.1", ssm ? "{\"__type\":\"ParameterNotFound\"}"
                    : "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}");
        }
        var answer = JSON.createObjectNode();
        if (ssm) {
            answer.putObject("Parameter").put("Name", name).put("Type", "SecureString").put("Value", value).put("Version", 3);
        } else {
            answer.put("ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + name + "-AbCdEf").put("Name", name)
                    .put("SecretString", value);
        }
        return Reply.of(200, "application/x-amz-json-1.1", answer.toString());
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
