package dev.envparity.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.path.json.JsonPath;

/**
 * Invokes the Lambda handler the way the Lambda runtime does, through Quarkus' mock event server
 * (quarkus-test-amazon-lambda is not available for Quarkus 3.33).
 */
public final class LambdaEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaEvents() {
    }

    /** @return the handler's answer (the mock server does not label it as JSON, so it is parsed here) */
    public static JsonPath invoke(String event) {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        String answer = given().baseUri("http://127.0.0.1:" + port).contentType("application/json").body(event)
                .post("/_lambda_").then().statusCode(200).extract().asString();
        return JsonPath.from(answer);
    }

    /**
     * A Function URL request (payload format 2.0, src/test/resources/events/function-url-request.json) from
     * {@code sourceIp}, carrying {@code body} plain or base64-encoded, with only the given headers besides the
     * platform's own.
     */
    public static String functionUrl(String method, String path, String body, boolean base64, String sourceIp,
            Map<String, String> headers) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(Fixtures.read("../events/function-url-request.json"));
            event.put("rawPath", path);
            ((ObjectNode) event.at("/requestContext/http")).put("method", method).put("path", path).put("sourceIp", sourceIp);
            ObjectNode h = (ObjectNode) event.get("headers");
            h.remove(List.of("x-github-event", "x-github-delivery", "x-hub-signature-256"));
            headers.forEach((k, v) -> {
                if (k.equalsIgnoreCase("cookie")) {
                    event.putArray("cookies").add(v);
                } else {
                    h.put(k.toLowerCase(java.util.Locale.ROOT), v);
                }
            });
            event.put("body", base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
            event.put("isBase64Encoded", base64);
            return JSON.writeValueAsString(event);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A Function URL request answered by the handler: {@code statusCode}, {@code headers}, {@code body}, {@code cookies}. */
    public static JsonPath http(String method, String path, String body, String sourceIp, Map<String, String> headers) {
        return invoke(functionUrl(method, path, body, false, sourceIp, headers));
    }
}
