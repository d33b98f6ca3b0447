package dev.envparity.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.envparity.config.CheckPlan.ProbeSettings;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Health;
import dev.envparity.testing.Fixtures;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import dev.envparity.testing.TestPlans;
import io.vertx.core.Vertx;

/**
 * A health or version answer that cannot be read is never UP and never yields a version: every body below is
 * served by a real local HTTP server to the real prober, and the environment's health, version and error are
 * exactly what a user would see. The other endpoint answers normally, so each row shows one failure alone.
 */
class FailClosedProbeTest {
    private static final ProbeSettings DEFAULTS = new ProbeSettings(16, 1024 * 1024, 5, null, null);
    private static final Vertx VERTX = Vertx.vertx();
    private static final String UP = "{\"status\":\"UP\"}";
    private static final String TRUNCATED_HEALTH = "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}";
    private static final String TRUNCATED_INFO = "{\"build\":{\"version\":\"2.4.0\"},\"git\":{\"commit\":{\"id\":\"4f2a";
    private static final String DEEP = "{\"status\":\"UP\",\"components\":" + "{\"a\":".repeat(70) + "{}" + "}".repeat(70) + "}";

    private final List<StubServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(StubServer::close);
    }

    @AfterAll
    static void closeVertx() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    /** One served answer and what the report must say. */
    record Row(String endpoint, Reply reply, Health health, String version, String error) {
        @Override
        public String toString() {
            return endpoint;
        }
    }

    static Row health(Reply reply, Health health, String error) {
        return new Row("health", reply, health, "2.4.0", error);
    }

    static Row version(Reply reply, String version, String error) {
        return new Row("version", reply, Health.UP, version, error);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // What counts as UP: a health document saying so, one status word, or nothing at all.
                Arguments.of("spring boot document", health(Reply.json(200, UP), Health.UP, null)),
                Arguments.of("empty 200", health(Reply.text(200, ""), Health.UP, null)),
                Arguments.of("204 No Content", health(Reply.text(204, ""), Health.UP, null)),
                Arguments.of("white space only", health(Reply.text(200, " \r\n"), Health.UP, null)),
                Arguments.of("ok with a newline", health(Reply.text(200, "ok\n"), Health.UP, null)),
                Arguments.of("Express res.send('OK') is labelled text/html", health(Reply.of(200, "text/html; charset=utf-8", "OK"),
                        Health.UP, null)),
                Arguments.of("pong", health(Reply.text(200, "PONG"), Health.UP, null)),
                Arguments.of("a JSON string", health(Reply.json(200, "\"Healthy\""), Health.UP, null)),
                Arguments.of("a UTF-8 byte order mark", health(Reply.json(200, "\uFEFF" + UP), Health.UP, null)),
                Arguments.of("Content-Encoding identity", health(Reply.json(200, UP).header("Content-Encoding", "identity"),
                        Health.UP, null)),
                Arguments.of("Degraded", health(Reply.text(200, "Degraded"), Health.DEGRADED, null)),
                Arguments.of("spring UNKNOWN is read as UNKNOWN", health(Reply.json(200, "{\"status\":\"UNKNOWN\"}"), Health.UNKNOWN, null)),
                Arguments.of("DOWN on 503 is DOWN, not unreachable",
                        health(Reply.json(503, Fixtures.read("health/spring-boot-down.json")), Health.DOWN, null)),

                // JSON that does not parse.
                Arguments.of("truncated document", health(Reply.json(200, TRUNCATED_HEALTH), Health.UNKNOWN,
                        "health body is not valid JSON at byte " + TRUNCATED_HEALTH.length() + ": the document ends early")),
                Arguments.of("truncated in a string", health(Reply.json(200, "{\"status\":\"U"), Health.UNKNOWN,
                        "health body is not valid JSON at byte 12: the document ends early")),
                Arguments.of("a second document after the first", health(Reply.json(200, UP + " {\"status\":\"DOWN\"}"), Health.UNKNOWN,
                        "health body is not valid JSON at byte 16: more content after the document")),
                Arguments.of("a field given twice", health(Reply.json(200, "{\"status\":\"DOWN\",\"status\":\"UP\"}"), Health.UNKNOWN,
                        "health body is not valid JSON at byte 17: a field appears twice")),
                Arguments.of("nested past the limit", health(Reply.json(200, DEEP), Health.UNKNOWN,
                        "health body is not valid JSON at byte 344: nested deeper than 64 levels")),
                Arguments.of("a control character in a string", health(Reply.json(200, "{\"status\":\"U\u0007P\"}"), Health.UNKNOWN,
                        "health body is not valid JSON at byte 12: an unescaped control character in a string")),
                Arguments.of("single quotes", health(Reply.json(200, "{'status':'UP'}"), Health.UNKNOWN,
                        "health body is not valid JSON at byte 1: unexpected character")),

                // JSON that parses but says nothing we know.
                Arguments.of("a document of unknown shape", health(Reply.json(200, "{\"uptime\":12}"), Health.UNKNOWN,
                        "health body is JSON but not a health document (no \"status\" field)")),
                Arguments.of("an array", health(Reply.json(200, "[" + UP + "]"), Health.UNKNOWN,
                        "health body is JSON but not a health document (no \"status\" field)")),
                Arguments.of("a status word nobody defined", health(Reply.json(200, "{\"status\":\"MAINTENANCE\"}"), Health.UNKNOWN,
                        "health document says \"MAINTENANCE\", a status envparity does not know")),
                Arguments.of("a JSON string that is no status", health(Reply.json(200, "\"hello\""), Health.UNKNOWN,
                        "health body is a JSON string that is not a status word: \"hello\"")),
                Arguments.of("UP on a 503", health(Reply.json(503, UP), Health.UNKNOWN,
                        "HTTP 503 Service Unavailable, although its health document says UP")),

                // Text and bytes that are no health answer.
                Arguments.of("other text", health(Reply.text(200, "Hello World"), Health.UNKNOWN,
                        "health body is not a health document: \"Hello World\" (text/plain)")),
                Arguments.of("two lines", health(Reply.text(200, "OK\nbut not really"), Health.UNKNOWN,
                        "health body is not a health document: \"OK\\nbut not really\" (text/plain)")),
                Arguments.of("an escape sequence", health(Reply.text(200, "\u001b[2J"), Health.UNKNOWN,
                        "health body is not a health document: \"\\x1B[2J\" (text/plain)")),
                Arguments.of("an HTML page", health(Reply.of(200, "text/html", Fixtures.read("health/spa-index.html")), Health.UNKNOWN,
                        "answered an HTML page, not a health document (check health-path)")),
                Arguments.of("HTML labelled text/plain", health(Reply.text(200, "<html><body>OK</body></html>"), Health.UNKNOWN,
                        "answered an HTML page, not a health document (check health-path)")),
                Arguments.of("not UTF-8", health(Reply.bytes(200, new byte[] { (byte) 0x80, (byte) 0x81, 'o', 'k' }), Health.UNKNOWN,
                        "health body is not text: invalid UTF-8 at byte 0")),

                // Bodies the prober did not ask for.
                Arguments.of("gzip sent unasked", health(compressed(gzip(UP), "gzip"), Health.UNKNOWN,
                        "answered Content-Encoding: gzip, which envparity did not ask for (it sends Accept-Encoding: identity)")),
                Arguments.of("deflate sent unasked", health(compressed(deflate(UP), "deflate"), Health.UNKNOWN,
                        "answered Content-Encoding: deflate, which envparity did not ask for (it sends Accept-Encoding: identity)")),
                Arguments.of("br sent unasked", health(compressed(new byte[] { 0x0b, 0x07, (byte) 0x80 }, "br"), Health.UNKNOWN,
                        "answered Content-Encoding: br, which envparity did not ask for (it sends Accept-Encoding: identity)")),
                Arguments.of("304 Not Modified", health(Reply.text(304, ""), Health.UNKNOWN, "HTTP 304 Not Modified")),
                Arguments.of("206 Partial Content", health(Reply.json(206, UP), Health.UNKNOWN,
                        "HTTP 206 Partial Content to a request for the whole body")),

                // Version documents get the same care.
                Arguments.of("truncated info", version(Reply.json(200, TRUNCATED_INFO), null,
                        "version body is not valid JSON at byte " + TRUNCATED_INFO.length() + ": the document ends early")),
                Arguments.of("info with a second document", version(Reply.json(200, "{\"build\":{\"version\":\"2.4.0\"}}]"), null,
                        "version body is not valid JSON at byte 29: more content after the document")),
                Arguments.of("version given twice", version(Reply.json(200, "{\"build\":{\"version\":\"2.4.0\",\"version\":\"9.9.9\"}}"), null,
                        "version body is not valid JSON at byte 28: a field appears twice")),
                Arguments.of("gzipped info", version(compressed(gzip(Fixtures.read("version/spring-boot-info-simple.json")), "gzip"), null,
                        "answered Content-Encoding: gzip, which envparity did not ask for (it sends Accept-Encoding: identity)")),
                Arguments.of("partial info", version(Reply.json(206, Fixtures.read("version/spring-boot-info-simple.json")), null,
                        "HTTP 206 Partial Content to a request for the whole body")),
                Arguments.of("info not modified", version(Reply.text(304, ""), null, "HTTP 304 Not Modified")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void anUnreadableAnswerIsNeverUpAndNeverAVersion(String name, Row row) {
        StubServer s = StubServer.http();
        servers.add(s);
        s.on("/actuator/health", row.endpoint().equals("health") ? row.reply() : Reply.json(200, UP));
        s.on("/actuator/info", row.endpoint().equals("version") ? row.reply()
                : Reply.json(200, Fixtures.read("version/spring-boot-info-simple.json")));

        EnvironmentReport r = probe(TestPlans.service("spring-boot", s.url(), s.url()));

        assertEquals(row.health(), r.health(), () -> "health; error " + r.error());
        assertEquals(row.version(), r.version(), () -> "version; error " + r.error());
        String path = row.endpoint().equals("health") ? "/actuator/health" : "/actuator/info";
        assertEquals(row.error() == null ? null : row.endpoint() + " " + s.url(path) + ": " + row.error(), r.error());
    }

    /** The plain preset reads the whole body as the version: a truncated JSON string is not one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plainVersions")
    void plainVersionBodiesFailClosedToo(String body, String version, String error) {
        StubServer s = StubServer.http();
        servers.add(s);
        s.on("/health", Reply.text(200, "ok")).on("/version", Reply.json(200, body));
        EnvironmentReport r = probe(TestPlans.service("plain", s.url(), s.url()));
        assertEquals(version, r.version(), () -> "error " + r.error());
        assertEquals(error == null ? null : "version " + s.url("/version") + ": " + error, r.error());
    }

    static Stream<Arguments> plainVersions() {
        return Stream.of(
                Arguments.of("1.8.2", "1.8.2", null),
                Arguments.of("\"2.0.1\"", "2.0.1", null),
                Arguments.of("{\"version\":\"1.2", null, "version body is not valid JSON at byte 15: the document ends early"),
                Arguments.of("\"2.0.1", null, "version body is not valid JSON at byte 6: the document ends early"),
                Arguments.of("[\"2.0.1\"", null, "version body is not valid JSON at byte 8: the document ends early"));
    }

    private static EnvironmentReport probe(dev.envparity.config.ServiceSpec spec) {
        return new Prober(VERTX, DEFAULTS).probe(spec, "staging").join();
    }

    private static Reply compressed(byte[] body, String coding) {
        return Reply.bytes(200, body).header("Content-Type", "application/json").header("Content-Encoding", coding);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out)) {
            d.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
