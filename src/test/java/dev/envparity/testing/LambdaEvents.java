package dev.envparity.testing;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.path.json.JsonPath;

/**
 * Invokes the Lambda handler the way the Lambda runtime does, through Quarkus' mock event server
 * (quarkus-test-amazon-lambda is not available for Quarkus 3.33).
 */
public final class LambdaEvents {
    private LambdaEvents() {
    }

    /** @return the handler's answer (the mock server does not label it as JSON, so it is parsed here) */
    public static JsonPath invoke(String event) {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        String answer = given().baseUri("http://127.0.0.1:" + port).contentType("application/json").body(event)
                .post("/_lambda_").then().statusCode(200).extract().asString();
        return JsonPath.from(answer);
    }
}
