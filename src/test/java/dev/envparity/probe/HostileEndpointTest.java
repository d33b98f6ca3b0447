package dev.envparity.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.envparity.config.CheckPlan.ProbeSettings;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Health;
import dev.envparity.testing.LogCapture;
import dev.envparity.testing.RawServer;
import dev.envparity.testing.TestPlans;
import io.vertx.core.Vertx;

/**
 * Endpoints that do not speak HTTP properly, on raw sockets: each probe ends with one precise sentence, never
 * UP, and nothing at ERROR in the log (Vert.x logs connection failures at ERROR unless told otherwise) — at
 * most one WARN per failed probe.
 */
class HostileEndpointTest {
    private static final Vertx VERTX = Vertx.vertx();
    private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    private LogCapture log;
    private RawServer server;

    @BeforeEach
    void listen() {
        log = LogCapture.start();
    }

    @AfterEach
    void stop() {
        log.close();
        if (server != null) {
            server.close();
        }
    }

    @AfterAll
    static void closeVertx() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("garbage instead of HTTP", (RawServer.Script) (out, s) -> out.write(new byte[] { (byte) 0xFF, 0, 1, 2, 'x',
                        '\r', '\n', '\r', '\n' }), "invalid HTTP response: no valid HTTP status line"),
                Arguments.of("a JSON body without a status line", script("{\"status\":\"UP\"}"),
                        "connection closed by 127.0.0.1 before the response was complete"),
                Arguments.of("a status line that is not one", script("HTTP/1.1 abc\r\n\r\n"),
                        "invalid HTTP response: no valid HTTP status line"),
                Arguments.of("a reset in mid-body", (RawServer.Script) (out, s) -> {
                    out.write((HEAD + "Content-Length: 100\r\n\r\n{\"status\":\"UP\",").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread.sleep(100);
                    RawServer.reset(s);
                }, "connection reset by 127.0.0.1"),
                Arguments.of("a close in mid-body", script(HEAD + "Content-Length: 100\r\n\r\n{\"status\":\"UP\","),
                        "connection closed by 127.0.0.1 before the response was complete"),
                Arguments.of("invalid chunked encoding", script(HEAD + "Transfer-Encoding: chunked\r\n\r\nZZZ\r\n" + "{}\r\n0\r\n\r\n"),
                        "invalid HTTP response: malformed chunked encoding"),
                Arguments.of("chunks that never end", script(HEAD + "Transfer-Encoding: chunked\r\n\r\nf\r\n{\"status\":\"UP\"}\r\n"),
                        "connection closed by 127.0.0.1 before the response was complete"),
                Arguments.of("two Content-Lengths", script(HEAD + "Content-Length: 15\r\nContent-Length: 3\r\n\r\n{\"status\":\"UP\"}"),
                        "invalid HTTP response: invalid or conflicting Content-Length"),
                Arguments.of("huge headers", script(HEAD + "X-Big: " + "a".repeat(100_000) + "\r\n\r\n"),
                        "invalid HTTP response: headers larger than 8 KiB"),
                Arguments.of("a huge status line", script("HTTP/1.1 200 " + "O".repeat(10_000) + "\r\n\r\n"),
                        "invalid HTTP response: status line longer than 4 KiB"),
                Arguments.of("switching protocols unasked", script("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\n\r\ngarbage"), "HTTP 101 Switching Protocols"),
                Arguments.of("slowloris headers", (RawServer.Script) (out, s) -> RawServer.trickle(out, HEAD + "X-A: " + "b".repeat(1000), 50),
                        "timed out after 1s"),
                Arguments.of("a body one byte at a time", (RawServer.Script) (out, s) -> {
                    out.write((HEAD + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    RawServer.trickle(out, "x".repeat(1000), 50);
                }, "timed out after 1s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void endsWithOnePreciseSentenceAndNoErrorInTheLog(String name, RawServer.Script script, String error) throws Exception {
        server = RawServer.answering(script);
        EnvironmentReport r = probe();
        assertEquals(Health.UNKNOWN, r.health());
        assertEquals(server.url() + "/health: " + error, r.error());
        Thread.sleep(300); // failures on pooled connections surface after the answer
        assertQuietLog();
    }

    @Test
    void garbageAfterACompleteAnswerLogsNoError() throws Exception {
        server = RawServer.text(HEAD + "Content-Length: 15\r\n\r\n{\"status\":\"UP\"}GARBAGE GARBAGE\r\n\r\n");
        EnvironmentReport r = probe();
        assertEquals(Health.UP, r.health(), r.error());
        Thread.sleep(300);
        assertQuietLog();
    }

    private EnvironmentReport probe() {
        return new Prober(VERTX, new ProbeSettings(16, 1024 * 1024, 5, null, null))
                .probe(TestPlans.service("health-json", server.url(), server.url(), "timeout", "1s",
                        "version-pointer", "/status"), "staging").join();
    }

    private void assertQuietLog() {
        assertEquals(List.of(), log.lines(Level.SEVERE), "no ERROR lines from a hostile endpoint");
        List<String> warnings = log.lines(Level.WARNING);
        assertTrue(warnings.size() <= 1, "at most one WARN per failed probe: " + warnings);
    }

    private static RawServer.Script script(String response) {
        return (out, s) -> out.write(response.getBytes(StandardCharsets.ISO_8859_1));
    }
}
