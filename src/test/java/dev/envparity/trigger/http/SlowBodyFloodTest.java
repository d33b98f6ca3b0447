package dev.envparity.trigger.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.DeployScenarioResource;
import dev.envparity.testing.SecuredProfile;
import dev.envparity.testing.Signatures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Slowloris on request bodies: hundreds of clients that announce a body and send it a byte every two seconds must
 * not lock out a deploy tool or an API client. Only "answers before a generous deadline while the flood is open"
 * is asserted, never a duration.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class SlowBodyFloodTest {
    private static final int SLOW_CLIENTS = 300;
    private static final Duration GENEROUS = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL base;

    private static Socket slowUpload(int port, String path) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream out = s.getOutputStream();
        String type = path.equals("/login") ? "application/x-www-form-urlencoded" : "application/json";
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type + "\r\n"
                + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    private static String answerTo(Socket s) throws IOException {
        s.setSoTimeout((int) GENEROUS.toMillis());
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aBodyThatDoesNotArriveWithinTheDeadlineIsRefusedAndItsConnectionClosed() throws Exception {
        try (Socket slow = slowUpload(base.getPort(), "/hooks/generic")) {
            String answer = answerTo(slow); // readAllBytes ends when the server closes the connection
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(answer.contains("the request body did not arrive within 10 s"), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("x-content-type-options: nosniff"), answer);
        }
    }

    @Test
    void aBodyDeclaredTooLargeIsRefusedUnread() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
            s.getOutputStream().write(("POST /hooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2097152\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = answerTo(s);
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.contains("body larger than 1 MiB"), answer);
        }
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
            s.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertTrue(answerTo(s).startsWith("HTTP/1.1 413 "));
        }
    }

    @Test
    void slowBodiesDoNotLockOutWebhooksOrTheApi() throws Exception {
        List<Socket> flood = new ArrayList<>();
        String[] paths = { "/hooks/generic", "/hooks/github", "/hooks/gitlab", "/login", "/api/check" };
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                flood.add(slowUpload(base.getPort(), paths[i % paths.length]));
            }
            trickle.scheduleWithFixedDelay(() -> flood.forEach(s -> {
                try {
                    s.getOutputStream().write(' ');
                    s.getOutputStream().flush();
                } catch (IOException closedByTheServer) {
                    // the server may drop a slow upload: that is the point
                }
            }), 2, 2, TimeUnit.SECONDS);
            Thread.sleep(1000); // every slow upload has reached the server

            HttpClient client = HttpClient.newBuilder().connectTimeout(GENEROUS).build();
            String body = "{\"service\":\"search\",\"environment\":\"staging\",\"version\":\"2.4.1\",\"status\":\"success\"}";
            HttpRequest.Builder hook = HttpRequest.newBuilder(URI.create(base + "hooks/generic")).timeout(GENEROUS)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            Signatures.standardWebhooks(DeployScenarioResource.GENERIC_SECRET, "msg_" + UUID.randomUUID(), body).forEach(hook::header);
            HttpResponse<String> accepted = client.send(hook.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, accepted.statusCode(), accepted.body());
            assertTrue(accepted.body().contains("\"accepted\""), accepted.body());

            HttpResponse<String> report = client.send(HttpRequest.newBuilder(URI.create(base + "api/report")).timeout(GENEROUS)
                    .header("Authorization", "Bearer " + SecuredProfile.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, report.statusCode(), report.body());
            assertTrue(report.body().contains("\"services\""), report.body());
        } finally {
            trickle.shutdownNow();
            for (Socket s : flood) {
                s.close();
            }
        }
    }
}
