package dev.envparity.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.envparity.notify.WebhookSender.Delivery;
import dev.envparity.report.Severity;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import io.vertx.core.Vertx;

/**
 * The contract every posting notifier inherits: against a real local HTTP server, any 2xx is delivered, 429 waits
 * as told, 5xx backs off and recovers, other 4xx fail at once with the platform's error, a hanging endpoint
 * ends by the deadline, and no part of the webhook URL ever shows in an error or a log line.
 */
class NotifierContractTest {
    private static final Vertx VERTX = Vertx.vertx();
    private static final String SECRET_PATH = "/services/T0SECRET1/B0SECRET2/xoxSecretTokenValue123";
    private static final String SECRET_QUERY = "key=AIzaSecretKeyValue&token=sigSecretTokenValue456";
    private static final WebhookSender SENDER = new WebhookSender(VERTX, Duration.ofMillis(50));

    private StubServer chat;
    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() {
        chat = StubServer.http();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
        chat.close();
    }

    @AfterAll
    static void closeVertx() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    static Stream<Arguments> notifiers() {
        return Platforms.posting().stream().map(n -> Arguments.of(n.type(), n));
    }

    private Target target(Notifier<?> n) {
        return new Target("team-chat", n.type(), URI.create(chat.url(SECRET_PATH) + "?" + SECRET_QUERY), Severity.INFO,
                Set.of(), Set.of(), Target.Policy.ALWAYS, null);
    }

    private Delivery deliver(Notifier<?> n, Duration deadline) {
        Target t = target(n);
        Delivery d = n.deliver(t, Scenarios.digest("mixed-drift"), Scenarios.report("mixed-drift"), SENDER, Scenarios.JSON,
                System.nanoTime() + deadline.toNanos()).join();
        assertNoSecret(d.error());
        logged.forEach(NotifierContractTest::assertNoSecret);
        return d;
    }

    private static void assertNoSecret(String text) {
        if (text == null) {
            return;
        }
        for (String secret : List.of("T0SECRET1", "B0SECRET2", "xoxSecretTokenValue123", "AIzaSecretKeyValue",
                "sigSecretTokenValue456")) {
            assertFalse(text.contains(secret), "secret leaked: " + text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notifiers")
    void everyTwoHundredIsDelivered(String type, Notifier<?> n) throws Exception {
        for (Reply ok : List.of(Reply.of(200, "text/html", "ok"), Reply.of(202, "text/plain", ""), Reply.of(204, "text/plain", ""),
                Reply.json(200, "{\"name\":\"spaces/AAA/messages/BBB\"}"))) {
            chat.on(SECRET_PATH, ok);
            Delivery d = deliver(n, Duration.ofSeconds(10));
            assertTrue(d.delivered(), d.toString());
            assertEquals(1, d.attempts());
        }
        StubServer.Request request = chat.requests(SECRET_PATH).get(0);
        assertEquals("POST", request.method());
        assertEquals(SECRET_QUERY, request.query());
        assertTrue(request.header("Content-Type").startsWith("application/json"), request.header("Content-Type"));
        Object expected = n.payload(Scenarios.digest("mixed-drift"), Scenarios.report("mixed-drift"));
        assertTrue(Scenarios.JSON.readTree(Scenarios.JSON.writeValueAsString(expected)).equals(Scenarios.JSON.readTree(request.body())),
                "the posted body is the notifier's payload");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notifiers")
    void rateLimitedWaitsForRetryAfter(String type, Notifier<?> n) {
        chat.on(SECRET_PATH, Reply.text(429, "rate_limited").header("Retry-After", "1"), Reply.text(200, "ok"));
        Delivery d = deliver(n, Duration.ofSeconds(10));
        assertTrue(d.delivered(), d.toString());
        assertEquals(2, d.attempts());
        List<StubServer.Request> requests = chat.requests(SECRET_PATH);
        assertEquals(2, requests.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notifiers")
    void rateLimitedReadsDiscordsRetryAfterBodyOrBacksOff(String type, Notifier<?> n) {
        chat.on(SECRET_PATH, Reply.json(429, "{\"message\":\"You are being rate limited.\",\"retry_after\":0.2,\"global\":false}"),
                Reply.text(429, "slow down"), Reply.of(204, "text/plain", ""));
        Delivery d = deliver(n, Duration.ofSeconds(10));
        assertTrue(d.delivered(), d.toString());
        assertEquals(3, d.attempts());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notifiers")
    void serverErrorsBackOffThenSucceed(String type, Notifier<?> n) {
        chat.on(SECRET_PATH, Reply.text(500, "rollup_error"), Reply.text(503, "unavailable"), Reply.text(200, "ok"));
        Delivery d = deliver(n, Duration.ofSeconds(10));
        assertTrue(d.delivered(), d.toString());
        assertEquals(3, d.attempts());
        assertTrue(logged.stream().anyMatch(l -> l.contains("retrying")), "retries are logged (and were checked for secrets): " + logged);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notifiers")
    void clientErrorsFailAtOnceWithThePlatformsWords(String type, Notifier<?> n) {
        chat.on(SECRET_PATH, Reply.json(404, "{\"message\": \"Unknown Webhook\", \"code\": 10015}"));
        Delivery d = deliver(n, Duration.ofSeconds(10));
        assertFalse(d.delivered());
        assertEquals(1, d.attempts());
        assertEquals(1, chat.requests(SECRET_PATH).size());
        assertEquals("HTTP 404 {\"message\": \"Unknown Webhook\", \"code\": 10015}", d.error());

        chat.reset();
        chat.on(SECRET_PATH, Reply.text(400, "invalid_blocks"));
        assertEquals("HTTP 400 invalid_blocks", deliver(n, Duration.ofSeconds(10)).error());
    }

    /** Sent in full and never answered: it may have been posted, so its outcome is unknown, not failed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("notifiers")
    void aHangingWebhookEndsByTheDeadline(String type, Notifier<?> n) {
        chat.on(SECRET_PATH, Reply.hang());
        long start = System.nanoTime();
        Delivery d = deliver(n, Duration.ofMillis(1500));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Delivery.Outcome.UNKNOWN, d.outcome(), d.toString());
        assertTrue(d.error().startsWith("no answer within 1.5s of sending; "), d.error());
        assertTrue(d.error().endsWith("may have been posted"), d.error());
        assertEquals(1, chat.requests(SECRET_PATH).size());
        assertTrue(tookMillis >= 1400 && tookMillis < 5000, "took " + tookMillis + " ms");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notifiers")
    void aRetryAfterBeyondTheDeadlineFailsAtOnce(String type, Notifier<?> n) {
        chat.on(SECRET_PATH, Reply.text(429, "").header("Retry-After", "600"));
        Delivery d = deliver(n, Duration.ofSeconds(5));
        assertFalse(d.delivered());
        assertEquals(1, d.attempts());
        assertEquals("HTTP 429; the platform asked to wait 10m, more than the time left", d.error());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notifiers")
    void aRefusedConnectionIsRetriedWithinTheDeadlineAndLeaksNothing(String type, Notifier<?> n) {
        Target refused = new Target("team-chat", n.type(),
                URI.create("http://127.0.0.1:" + StubServer.closedPort() + SECRET_PATH + "?" + SECRET_QUERY), Severity.INFO,
                Set.of(), Set.of(), Target.Policy.ALWAYS, null);
        Delivery d = n.deliver(refused, Scenarios.digest("all-in-sync"), Scenarios.report("all-in-sync"), SENDER, Scenarios.JSON,
                System.nanoTime() + Duration.ofSeconds(2).toNanos()).join();
        assertFalse(d.delivered());
        assertTrue(d.attempts() > 1, d.toString());
        assertTrue(d.error().startsWith("connection refused"), d.error());
        assertNoSecret(d.error());
        logged.forEach(NotifierContractTest::assertNoSecret);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notifiers")
    void aSlowBodyAfterATwoHundredStatusIsDeliveredOnce(String type, Notifier<?> n) {
        chat.on(SECRET_PATH, Reply.of(200, "text/plain", "ok").slowBody(-1));
        Delivery d = deliver(n, Duration.ofSeconds(20));
        assertTrue(d.delivered(), d.toString());
        assertEquals(1, d.attempts());
        assertEquals(1, chat.requests(SECRET_PATH).size(), "the platform answered 200: it has the message");
    }

    /** A platform may act on a message whose answer was lost; only a receiver that drops duplicates may get it twice. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("notifiers")
    void aConnectionDroppedAfterTheRequestIsSentAgainOnlyToAReceiverThatDropsDuplicates(String type, Notifier<?> n) {
        chat.on(SECRET_PATH, Reply.dropAfterRequest(), Reply.text(200, "ok"));
        Delivery d = deliver(n, Duration.ofSeconds(10));
        List<StubServer.Request> requests = chat.requests(SECRET_PATH);
        String id = requests.get(0).header("webhook-id");
        if (id != null) {
            assertTrue(d.delivered(), d.toString());
            assertEquals(2, requests.size());
            assertEquals(id, requests.get(1).header("webhook-id"), "the same id, so the receiver can drop the duplicate");
        } else {
            assertEquals(Delivery.Outcome.UNKNOWN, d.outcome(), d.toString());
            assertEquals(1, requests.size(), "sent in full, so it may have been posted: not sent again");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notifiers")
    void aGatewayTimeoutIsSentAgainOnlyToAReceiverThatDropsDuplicates(String type, Notifier<?> n) {
        chat.on(SECRET_PATH, Reply.text(504, "GatewayTimeout"), Reply.text(200, "ok"));
        Delivery d = deliver(n, Duration.ofSeconds(10));
        List<StubServer.Request> requests = chat.requests(SECRET_PATH);
        boolean deduplicated = requests.get(0).header("webhook-id") != null;
        assertEquals(deduplicated ? Delivery.Outcome.DELIVERED : Delivery.Outcome.UNKNOWN, d.outcome(), d.toString());
        assertEquals(deduplicated ? 2 : 1, requests.size(), "a 504 comes from a gateway: the platform may still post it");
    }
}
