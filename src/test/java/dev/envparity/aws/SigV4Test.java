package dev.envparity.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite), credentials and date as published. */
class SigV4Test {
    private static final AwsCredentials EXAMPLE = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static final Instant WHEN = Instant.parse("2015-08-30T12:36:00Z");
    private static final String PREFIX = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=";

    private static String authorization(String uri) {
        return SigV4.sign("GET", URI.create(uri), Map.of(), new byte[0], "us-east-1", "service", EXAMPLE, WHEN)
                .get("Authorization");
    }

    @Test
    void getVanilla() {
        assertEquals(PREFIX + "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
                authorization("https://example.amazonaws.com/"));
    }

    @Test
    void getVanillaQueryOrderKeyCase() {
        assertEquals(PREFIX + "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
                authorization("https://example.amazonaws.com/?Param2=value2&Param1=value1"));
    }

    @Test
    void sessionTokensAreSignedAndSent() {
        AwsCredentials temporary = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "FQoGZXIvYXdzE");
        Map<String, String> headers = SigV4.sign("POST", URI.create("https://dynamodb.eu-west-1.amazonaws.com/"),
                Map.of("Content-Type", "application/x-amz-json-1.0", "X-Amz-Target", "DynamoDB_20120810.GetItem"),
                "{}".getBytes(), "eu-west-1", "dynamodb", temporary, WHEN);
        assertEquals("FQoGZXIvYXdzE", headers.get("X-Amz-Security-Token"));
        assertEquals("20150830T123600Z", headers.get("X-Amz-Date"));
        String auth = headers.get("Authorization");
        assertEquals(true, auth.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,"), auth);
        assertFalse(temporary.toString().contains("wJalr"));
    }

    @Test
    void pathSegmentsAreEncoded() {
        assertEquals("/2015-03-31/functions/envparity%3Alive/invocations",
                SigV4.canonicalPath(URI.create("https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/envparity:live/invocations")));
    }
}
