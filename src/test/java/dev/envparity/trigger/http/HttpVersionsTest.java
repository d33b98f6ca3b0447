package dev.envparity.trigger.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.DeployScenarioResource;
import dev.envparity.testing.SecuredProfile;
import dev.envparity.testing.Signatures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Bodies reach the routes over HTTP/1.1 and over HTTP/2 (cleartext, as Quarkus serves it by default) alike: an HTTP/2
 * request is read before its resource runs, which Quarkus REST must not then trip over
 * (https://github.com/quarkusio/quarkus/issues/34393), and a body too large is refused over either.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class HttpVersionsTest {
    private static final Duration GENEROUS = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL base;

    private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(GENEROUS).build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType).POST(BodyPublishers.ofString(body));
    }

    @Test
    void bodiesArriveOverHttp1AndHttp2() throws Exception {
        for (Version version : List.of(Version.HTTP_1_1, Version.HTTP_2)) {
            HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(GENEROUS).build();
            // The JDK client upgrades a cleartext connection to HTTP/2 on its first request; then all go over HTTP/2.
            send(client, HttpRequest.newBuilder(URI.create(base + "q/health")));

            String hook = "{\"service\":\"ledger\",\"environment\":\"staging\",\"version\":\"2.4.0\",\"status\":\"success\"}";
            HttpRequest.Builder signed = post("hooks/generic", "application/json", hook);
            Signatures.standardWebhooks(DeployScenarioResource.GENERIC_SECRET, "msg_" + UUID.randomUUID(), hook).forEach(signed::header);
            HttpResponse<String> accepted = send(client, signed);
            assertEquals(version, accepted.version(), "the request went over " + accepted.version());
            assertEquals(202, accepted.statusCode(), version + ": " + accepted.body());

            HttpResponse<String> signIn = send(client, post("login", "application/x-www-form-urlencoded", "token=" + SecuredProfile.TOKEN));
            assertEquals(303, signIn.statusCode(), version + ": " + signIn.body());
            assertTrue(signIn.headers().firstValue("Set-Cookie").orElse("").startsWith("envparity_session="), version + " signs in");

            HttpResponse<String> check = send(client, post("api/check", "application/json", "{}")
                    .header("Authorization", "Bearer " + SecuredProfile.TOKEN));
            assertEquals(200, check.statusCode(), version + ": " + check.body());
            assertTrue(check.body().contains("\"services\""), check.body());
        }
    }

    @Test
    void aBodyTooLargeIsRefusedOverHttp2Too() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(Version.HTTP_2).connectTimeout(GENEROUS).build();
        send(client, HttpRequest.newBuilder(URI.create(base + "q/health")));

        HttpResponse<String> tooLarge = send(client, post("login", "application/x-www-form-urlencoded", "token=" + "x".repeat(64 * 1024)));
        assertEquals(Version.HTTP_2, tooLarge.version());
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertTrue(tooLarge.body().contains("body larger than 16 KiB"), tooLarge.body());

        HttpResponse<String> report = send(client, HttpRequest.newBuilder(URI.create(base + "api/report"))
                .header("Authorization", "Bearer " + SecuredProfile.TOKEN));
        assertEquals(Version.HTTP_2, report.version());
        assertEquals(200, report.statusCode(), report.body());
    }
}
