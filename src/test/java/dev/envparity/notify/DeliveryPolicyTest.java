package dev.envparity.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.envparity.notify.DeliveryPolicy.Attempt;
import dev.envparity.notify.DeliveryPolicy.Decision;
import dev.envparity.notify.DeliveryPolicy.Stage;
import dev.envparity.notify.DeliveryPolicy.Verdict;
import dev.envparity.report.Severity;

/**
 * Every failure mode on the wire, for a platform that posts whatever reaches it (Slack, Teams, Discord, Google
 * Chat, Mattermost) and for one that drops duplicates by {@code webhook-id} (the generic webhook): whether the
 * message is delivered, sent again, failed, or of unknown outcome.
 */
class DeliveryPolicyTest {
    private static final long BASE = 500;
    private static final long PLENTY = 15_000;

    private static Attempt failed(Stage stage) {
        return Attempt.failed(stage, "problem");
    }

    private static Attempt status(int status) {
        return Attempt.answered(status, Optional.empty(), status >= 200 && status < 300 ? null : "HTTP " + status);
    }

    private static Attempt status(int status, long retryAfterMillis) {
        return Attempt.answered(status, Optional.of(retryAfterMillis), "HTTP " + status);
    }

    /** failure mode, attempt, then the verdict for a platform that posts duplicates and for one that drops them. */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("connection refused", failed(Stage.NOT_CONNECTED), Verdict.RETRY, Verdict.RETRY),
                Arguments.of("connect timeout, TLS handshake failed", failed(Stage.NOT_CONNECTED), Verdict.RETRY, Verdict.RETRY),
                Arguments.of("reset while sending", failed(Stage.NOT_SENT), Verdict.RETRY, Verdict.RETRY),
                Arguments.of("reset after sending", failed(Stage.NO_ANSWER), Verdict.UNKNOWN, Verdict.RETRY),
                Arguments.of("timeout waiting for the status line", failed(Stage.NO_ANSWER), Verdict.UNKNOWN, Verdict.RETRY),
                Arguments.of("200, body slow or cut (Slack, Mattermost 'ok')", status(200), Verdict.DELIVERED, Verdict.DELIVERED),
                Arguments.of("202 (Teams workflow)", status(202), Verdict.DELIVERED, Verdict.DELIVERED),
                Arguments.of("204 (Discord)", status(204), Verdict.DELIVERED, Verdict.DELIVERED),
                Arguments.of("429 rate limited", status(429), Verdict.RETRY, Verdict.RETRY),
                Arguments.of("408 request timeout: not read in full", status(408), Verdict.RETRY, Verdict.RETRY),
                Arguments.of("500 (Slack rollup_error)", status(500), Verdict.RETRY, Verdict.RETRY),
                Arguments.of("503 unavailable", status(503), Verdict.RETRY, Verdict.RETRY),
                Arguments.of("502 from a gateway", status(502), Verdict.UNKNOWN, Verdict.RETRY),
                Arguments.of("504 from a gateway (a Power Automate flow not done in 120 s)", status(504), Verdict.UNKNOWN, Verdict.RETRY),
                Arguments.of("501 not implemented", status(501), Verdict.FAILED, Verdict.FAILED),
                Arguments.of("400 invalid_blocks", status(400), Verdict.FAILED, Verdict.FAILED),
                Arguments.of("403 action_prohibited", status(403), Verdict.FAILED, Verdict.FAILED),
                Arguments.of("404 Unknown Webhook", status(404), Verdict.FAILED, Verdict.FAILED),
                Arguments.of("410 Gone", status(410), Verdict.FAILED, Verdict.FAILED),
                Arguments.of("301 redirect", status(301), Verdict.FAILED, Verdict.FAILED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void firstAttempt(String mode, Attempt attempt, Verdict postsDuplicates, Verdict dropsDuplicates) {
        assertEquals(postsDuplicates, DeliveryPolicy.decide(attempt, 1, false, false, PLENTY, BASE, 0).verdict(), "chat platform");
        assertEquals(dropsDuplicates, DeliveryPolicy.decide(attempt, 1, true, false, PLENTY, BASE, 0).verdict(), "webhook");
    }

    @Test
    void anUnknownOutcomeSaysWhyItIsNotSentAgain() {
        Decision d = DeliveryPolicy.decide(Attempt.failed(Stage.NO_ANSWER, "no answer within 20s of sending"), 1, false,
                false, PLENTY, BASE, 0);
        assertEquals("no answer within 20s of sending; not sent again: it was sent in full and may have been posted", d.detail());
    }

    @Test
    void rateLimitsWaitAsToldAndOtherRetriesBackOffWithJitter() {
        assertEquals(2_000, DeliveryPolicy.decide(status(429, 2_000), 1, false, false, PLENTY, BASE, 0).waitMillis());
        assertEquals(3_000, DeliveryPolicy.decide(status(503, 3_000), 1, false, false, PLENTY, BASE, 0).waitMillis());
        assertEquals(250, DeliveryPolicy.decide(status(500, 3_000), 1, false, false, PLENTY, BASE, 0).waitMillis(),
                "only 429 and 503 carry a meaningful Retry-After");
        assertEquals(250, DeliveryPolicy.backoff(1, BASE, 0));
        assertEquals(500, DeliveryPolicy.backoff(1, BASE, 0.999));
        assertEquals(1_000, DeliveryPolicy.backoff(3, BASE, 0));
        assertEquals(4_000, DeliveryPolicy.backoff(10, BASE, 0), "capped at 8 s");
    }

    @Test
    void theDeadlineAndTheAttemptLimitEndEverything() {
        Decision asked = DeliveryPolicy.decide(status(429, 600_000), 1, false, false, PLENTY, BASE, 0);
        assertEquals(Verdict.FAILED, asked.verdict());
        assertEquals("HTTP 429; the platform asked to wait 10m, more than the time left", asked.detail());

        Decision late = DeliveryPolicy.decide(failed(Stage.NOT_CONNECTED), 1, false, false, 100, BASE, 0);
        assertEquals(Verdict.FAILED, late.verdict());
        assertEquals("problem; no time left to retry (parity.notify.deadline)", late.detail());

        Decision last = DeliveryPolicy.decide(status(503), DeliveryPolicy.MAX_ATTEMPTS, false, false, PLENTY, BASE, 0);
        assertEquals(Verdict.FAILED, last.verdict());
        assertEquals("HTTP 503; gave up after 6 attempts", last.detail());
    }

    /** Once an attempt may have been posted, giving up later cannot say "failed": it may be in the channel. */
    @Test
    void afterAnAttemptThatMayHaveBeenPostedGivingUpIsUnknown() {
        Decision noTime = DeliveryPolicy.decide(failed(Stage.NO_ANSWER), 2, true, false, 100, BASE, 0);
        assertEquals(Verdict.UNKNOWN, noTime.verdict());
        assertEquals("problem; no time left to retry (parity.notify.deadline); it may have been posted", noTime.detail());

        assertEquals(Verdict.UNKNOWN, DeliveryPolicy.decide(failed(Stage.NOT_CONNECTED), 2, true, true, 100, BASE, 0).verdict());
        assertEquals(Verdict.UNKNOWN, DeliveryPolicy.decide(status(400), 2, true, true, PLENTY, BASE, 0).verdict());
        assertEquals(Verdict.DELIVERED, DeliveryPolicy.decide(status(200), 2, true, true, PLENTY, BASE, 0).verdict());
        assertEquals(Verdict.RETRY, DeliveryPolicy.decide(status(503), 2, true, true, PLENTY, BASE, 0).verdict());
    }

    @Test
    void anAttemptWaitsLongerForAnAnswerWhenItCannotBeSentAgain() {
        assertEquals(120_000, DeliveryPolicy.attemptMillis(false, 600_000), "a Power Automate flow may take 120 s");
        assertEquals(30_000, DeliveryPolicy.attemptMillis(true, 600_000), "Standard Webhooks: 15–30 s");
        assertEquals(20_000, DeliveryPolicy.attemptMillis(false, 20_000), "never past the deadline");
    }

    @Test
    void retryAfterInSecondsAsADateOrInDiscordsBody() {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        assertEquals(Optional.of(1_500L), DeliveryPolicy.retryAfterMillis(Map.of("retry-after", "1.5"), "", now));
        assertEquals(Optional.of(30_000L),
                DeliveryPolicy.retryAfterMillis(Map.of("retry-after", "Thu, 26 Nov 2026 10:00:30 GMT"), "", now));
        assertEquals(Optional.of(250L), DeliveryPolicy.retryAfterMillis(Map.of(), "{\"retry_after\":0.25,\"global\":false}", now));
        assertEquals(Optional.empty(), DeliveryPolicy.retryAfterMillis(Map.of("retry-after", "soon"), "rate_limited", now));
    }

    /** Only the generic webhook sends an id its receiver can de-duplicate on; every chat platform posts each request. */
    @Test
    void onlyTheGenericWebhookIsSentAgainAfterItMayHaveBeenPosted() {
        for (Notifier<?> n : Platforms.posting()) {
            Target target = new Target("t", n.type(), URI.create("https://chat.example.com/hook"), Severity.INFO, Set.of(),
                    Set.of(), Target.Policy.ALWAYS, null);
            Map<String, String> headers = n.headers(target, Scenarios.report("mixed-drift"), "{}".getBytes(StandardCharsets.UTF_8));
            assertEquals(n.type().equals("webhook"), DeliveryPolicy.deduplicated(headers), n.type());
        }
        assertTrue(DeliveryPolicy.deduplicated(Map.of("Webhook-Id", "msg_1")), "header names are case-insensitive");
    }
}
