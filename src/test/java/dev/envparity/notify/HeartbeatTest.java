package dev.envparity.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.envparity.config.HeartbeatPlan;
import dev.envparity.report.NotificationResult;
import dev.envparity.report.ParityReport;
import dev.envparity.testing.LogCapture;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import dev.envparity.testing.TestPlans;
import io.vertx.core.Vertx;

/**
 * The dead man's switch: a ping after every check, the failure URL when part of the check could not be done, never
 * longer than its timeout, never failing the check, and never a word of its URL in the log.
 */
class HeartbeatTest {
    private static final Vertx VERTX = Vertx.vertx();
    private static final String SECRET = "0f6c3e1a-7d4b-4e2a-9c1d-5b8e41a7c2f9";

    @AfterAll
    static void closeVertx() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    private static Heartbeat heartbeat(StubServer s, boolean post, Duration timeout) {
        URI url = URI.create(s.url("/ping/" + SECRET));
        return new Heartbeat(new HeartbeatPlan(Optional.of(url), Optional.of(URI.create(url + "/fail")), post, timeout), VERTX);
    }

    private static ParityReport withNotification(NotificationResult.Outcome outcome) {
        return Scenarios.report("all-in-sync").withNotifications(List.of(new NotificationResult("team-chat", "slack", outcome, null)));
    }

    @Test
    void aCheckThatRanPingsAndOneThatCouldNotTellItsFailureUrl() {
        try (StubServer s = StubServer.http().on("/ping/" + SECRET, Reply.text(200, "OK")).on("/ping/" + SECRET + "/fail",
                Reply.text(200, "OK"))) {
            Heartbeat beat = heartbeat(s, false, Duration.ofSeconds(2));
            beat.beat(withNotification(NotificationResult.Outcome.DELIVERED));
            assertEquals(1, s.requests("/ping/" + SECRET).size());
            assertEquals("GET", s.requests("/ping/" + SECRET).get(0).method());

            beat.beat(withNotification(NotificationResult.Outcome.FAILED));
            ParityReport noHistory = new ParityReport("r", dev.envparity.report.Trigger.SCHEDULE, Scenarios.AT, 1, Scenarios.ENVS,
                    dev.envparity.report.Severity.OK, List.of(), List.of(), "cannot write the history file x");
            beat.beat(noHistory);
            beat.failed(new IllegalStateException("boom"));
            assertEquals(3, s.requests("/ping/" + SECRET + "/fail").size(), "a failed post, a history not kept, a check that broke");
        }
    }

    @Test
    void postCarriesTheVerdict() {
        try (StubServer s = StubServer.http().on("/ping/" + SECRET, Reply.text(200, "OK"))) {
            heartbeat(s, true, Duration.ofSeconds(2)).beat(Scenarios.report("mixed-drift"));
            StubServer.Request r = s.requests("/ping/" + SECRET).get(0);
            assertEquals("POST", r.method());
            assertEquals("critical: 7 services, 0 notifications failed", r.body());
        }
    }

    @Test
    void aSlowOrBrokenHeartbeatEndsWithinItsTimeoutAndLogsNoUrl() throws Exception {
        try (StubServer hanging = StubServer.http().on("/ping/" + SECRET, Reply.hang());
                StubServer refusing = StubServer.http().on("/ping/" + SECRET, Reply.text(404, "no such check " + SECRET));
                LogCapture logs = LogCapture.start()) {
            long start = System.nanoTime();
            CompletableFuture.runAsync(() -> heartbeat(hanging, false, Duration.ofMillis(300)).beat(Scenarios.report("all-in-sync")))
                    .get(30, TimeUnit.SECONDS);
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 30, "bounded");
            heartbeat(refusing, false, Duration.ofSeconds(2)).beat(Scenarios.report("all-in-sync"));
            heartbeat(new URI("http://127.0.0.1:" + StubServer.closedPort() + "/ping/" + SECRET)).beat(Scenarios.report("all-in-sync"));
            List<String> warnings = logs.lines(Level.WARNING);
            assertTrue(warnings.stream().anyMatch(w -> w.contains("HTTP 404") || w.contains("404")), warnings.toString());
            assertEquals(3, warnings.stream().filter(w -> w.contains("heartbeat")).count(), warnings.toString());
            assertFalse(String.join("\n", warnings).contains(SECRET), warnings.toString());
        }
    }

    private static Heartbeat heartbeat(URI url) {
        return new Heartbeat(new HeartbeatPlan(Optional.of(url), Optional.of(URI.create(url + "/fail")), false,
                Duration.ofSeconds(2)), VERTX);
    }

    @Test
    void theFailureUrlIsThePingUrlWithFailAppendedAndNeitherIsEverPrinted() {
        HeartbeatPlan plan = TestPlans.plans(Map.of("parity.heartbeat.url", "https://hc-ping.com/" + SECRET + "?rid=1")).heartbeat();
        assertEquals(URI.create("https://hc-ping.com/" + SECRET + "/fail?rid=1"), plan.failUrl().orElseThrow());
        assertFalse(plan.toString().contains(SECRET), plan.toString());
        assertEquals(Optional.empty(), TestPlans.plans(Map.of()).heartbeat().url(), "off unless set");
    }
}
