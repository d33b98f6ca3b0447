package dev.envparity.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.history.LeadTimes;
import dev.envparity.notify.slack.SlackNotifier;
import dev.envparity.report.Health;
import dev.envparity.report.NotificationResult;
import dev.envparity.report.NotificationResult.Outcome;
import dev.envparity.report.ParityReport;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;
import dev.envparity.state.FileStateStore;
import dev.envparity.state.MemoryStateStore;
import dev.envparity.state.StateHealth;
import dev.envparity.state.StateStore;
import dev.envparity.state.TargetState;
import dev.envparity.testing.MutableClock;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import io.vertx.core.Vertx;

/** The notification policy end to end: real Slack payloads to a real local server, state in memory. */
class NotificationsTest {
    private static final Vertx VERTX = Vertx.vertx();
    private static final Duration REMIND = Duration.ofHours(24);

    private final List<StubServer> servers = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Scenarios.AT);
    private StateStore store = new MemoryStateStore();
    private final StateHealth health = new StateHealth();

    @AfterEach
    void stop() {
        servers.forEach(StubServer::close);
    }

    @AfterAll
    static void closeVertx() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    private StubServer chat(Reply... replies) {
        StubServer s = StubServer.http().on("/hook", replies.length == 0 ? new Reply[] { Reply.text(200, "ok") } : replies);
        servers.add(s);
        return s;
    }

    private static Target slack(String name, StubServer chat, Severity min, Set<String> services, Set<String> envs,
            Target.Policy policy) {
        return new Target(name, "slack", URI.create(chat.url("/hook")), min, services, envs, policy, null);
    }

    private static Target slack(StubServer chat) {
        return slack("team-chat", chat, Severity.INFO, Set.of(), Set.of(), Target.Policy.ON_CHANGE);
    }

    private List<NotificationResult> dispatch(ParityReport report, Map<String, Instant> mutes, Target... targets) {
        return dispatch(report, mutes, Duration.ofSeconds(10), targets);
    }

    private List<NotificationResult> dispatch(ParityReport report, Map<String, Instant> mutes, Duration deadline,
            Target... targets) {
        return notifications(mutes, deadline, targets).dispatch(report);
    }

    private Notifications notifications(Map<String, Instant> mutes, Duration deadline, Target... targets) {
        NotifyPlan plan = new NotifyPlan(Target.Policy.ON_CHANGE, REMIND, deadline, mutes, List.of(targets));
        return new Notifications(plan, new NotifierRegistry(List.of(new SlackNotifier())), store,
                new WebhookSender(VERTX, Duration.ofMillis(20)), Scenarios.JSON, clock, health);
    }

    /** parity.notify.all-clear: "all in sync" to the targets whose services all are, and to nobody else. */
    @Test
    void theAllClearGoesOnlyToTargetsWhoseServicesAreAllInSync() {
        StubServer checkoutTeam = chat();
        StubServer everyone = chat();
        StubServer quiet = chat();
        ParityReport r = report(inSync("checkout"), inSync("search"), pending("payments", "1.9.0", "1.8.3"));
        List<NotificationResult> results = notifications(Map.of(), Duration.ofSeconds(10),
                slack("checkout-team", checkoutTeam, Severity.WARNING, Set.of("checkout", "search"), Set.of(), Target.Policy.ON_CHANGE),
                slack("everyone", everyone, Severity.WARNING, Set.of(), Set.of(), Target.Policy.ON_CHANGE),
                slack("quiet", quiet, Severity.INFO, Set.of("checkout"), Set.of(), Target.Policy.NEVER)).allClear(r);
        assertEquals(List.of(Outcome.DELIVERED, Outcome.SKIPPED, Outcome.SKIPPED), results.stream().map(NotificationResult::outcome).toList());
        assertTrue(posted(checkoutTeam, 0).contains("All 2 services are in sync between staging and production"), posted(checkoutTeam, 0));
        assertEquals("not all in sync", results.get(1).detail(), "payments' promotion is pending, below warning or not");
        assertTrue(everyone.requests().isEmpty() && quiet.requests().isEmpty());
        assertEquals(TargetState.EMPTY, store.load("checkout-team"), "an all-clear changes nothing the policy remembers");
    }

    @Test
    void leadTimesGoToTargetsFollowingAServiceWithPromotions() {
        StubServer paymentsTeam = chat();
        StubServer searchTeam = chat();
        StubServer quiet = chat();
        ParityReport r = report(inSync("checkout"), inSync("search"), pending("payments", "1.9.0", "1.8.3"));
        Map<String, List<LeadTimes.Summary>> leadTimes = Map.of(
                "payments", List.of(new LeadTimes.Summary("production", 8, 93_600_000L, 223_270_000L, "1d 2h", "2d 14h")),
                "checkout", List.of(new LeadTimes.Summary("production", 1, 3_600_000L, 3_600_000L, "1h", "1h")));
        List<NotificationResult> results = notifications(Map.of(), Duration.ofSeconds(10),
                slack("payments-team", paymentsTeam, Severity.WARNING, Set.of("payments", "checkout"), Set.of(), Target.Policy.ON_CHANGE),
                slack("search-team", searchTeam, Severity.WARNING, Set.of("search"), Set.of(), Target.Policy.ON_CHANGE),
                slack("quiet", quiet, Severity.INFO, Set.of("payments"), Set.of(), Target.Policy.NEVER)).leadTimes(r, leadTimes, 90);
        assertEquals(List.of(Outcome.DELIVERED, Outcome.SKIPPED, Outcome.SKIPPED), results.stream().map(NotificationResult::outcome).toList());
        String posted = posted(paymentsTeam, 0);
        assertTrue(posted.contains("Promotion lead times over the last 90 days"), posted);
        assertTrue(posted.contains("production: median 1d 2h, 90th percentile 2d 14h (8 promotions)"), posted);
        assertTrue(posted.contains("production: median 1h, 90th percentile 1h (1 promotion)"), posted);
        assertTrue(posted.indexOf("*checkout*") < posted.indexOf("*payments*"), "by name: " + posted);
        assertEquals("policy never", results.get(1).detail(), "quiet (results are by target name)");
        assertEquals("no promotions", results.get(2).detail(), "search-team");
        assertTrue(searchTeam.requests().isEmpty() && quiet.requests().isEmpty());
        assertEquals(TargetState.EMPTY, store.load("payments-team"), "lead times change nothing the policy remembers");
    }

    private List<NotificationResult> dispatch(ParityReport report, Target... targets) {
        return dispatch(report, Map.of(), targets);
    }

    private static String posted(StubServer chat, int index) {
        return chat.requests("/hook").get(index).body();
    }

    private static ParityReport report(ServiceReport... services) {
        return Scenarios.report(List.of(services));
    }

    private static ServiceReport pending(String name, String staging, String production) {
        return Scenarios.service(name, Scenarios.env(Health.UP, staging, null, Scenarios.AT.minus(Duration.ofHours(5)), Scenarios.CHECKS),
                Scenarios.env(Health.UP, production, null, null, Scenarios.CHECKS));
    }

    private static ServiceReport inSync(String name) {
        return Scenarios.service(name, Scenarios.env(Health.UP, "1.0.0", null, null, Scenarios.CHECKS),
                Scenarios.env(Health.UP, "1.0.0", null, null, Scenarios.CHECKS));
    }

    private static ServiceReport down(String name) {
        return Scenarios.service(name, Scenarios.env(Health.UP, "1.0.0", null, null, Scenarios.CHECKS),
                Scenarios.env(Health.DOWN, "1.0.0", null, null, Map.of("db", Health.DOWN, "ping", Health.UP)));
    }

    @Test
    void firstRunPostsUnchangedRunsDoNot() {
        StubServer chat = chat();
        ParityReport r = report(pending("payments", "1.9.0", "1.8.3"), inSync("checkout"));
        assertEquals(Outcome.DELIVERED, dispatch(r, slack(chat)).get(0).outcome());
        assertTrue(posted(chat, 0).contains("*payments* · `PROMOTION_PENDING` · NEW"), posted(chat, 0));

        clock.advance(Duration.ofMinutes(15));
        NotificationResult again = dispatch(r, slack(chat)).get(0);
        assertEquals(Outcome.SKIPPED, again.outcome());
        assertEquals("nothing changed", again.detail());
        assertEquals(1, chat.requests("/hook").size());
    }

    @Test
    void aChangedProblemIsPostedAsChanged() {
        StubServer chat = chat();
        dispatch(report(pending("payments", "1.9.0", "1.8.3")), slack(chat));
        dispatch(report(pending("payments", "1.9.1", "1.8.3")), slack(chat));
        assertEquals(2, chat.requests("/hook").size());
        assertTrue(posted(chat, 1).contains("*payments* · `PROMOTION_PENDING` · CHANGED"), posted(chat, 1));
    }

    @Test
    void aResolvedProblemGetsItsOwnLine() {
        StubServer chat = chat();
        dispatch(report(pending("payments", "1.9.0", "1.8.3"), down("inventory")), slack(chat));
        dispatch(report(inSync("payments"), down("inventory")), slack(chat));
        String second = posted(chat, 1);
        assertTrue(second.contains("payments is back in sync"), second);
        assertTrue(second.contains("*inventory* · `UNHEALTHY`\\n"), "unchanged problems are listed without a label: " + second);
    }

    @Test
    void unchangedProblemsAreRepeatedAfterRemindEvery() {
        StubServer chat = chat();
        ParityReport r = report(down("inventory"));
        dispatch(r, slack(chat));
        clock.advance(REMIND.minusMinutes(1));
        assertEquals(Outcome.SKIPPED, dispatch(r, slack(chat)).get(0).outcome());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Outcome.DELIVERED, dispatch(r, slack(chat)).get(0).outcome());
        assertTrue(posted(chat, 1).contains("reminder: nothing changed since the last message"), posted(chat, 1));
        clock.advance(Duration.ofHours(1));
        assertEquals(Outcome.SKIPPED, dispatch(r, slack(chat)).get(0).outcome(), "the reminder restarts the clock");
    }

    @Test
    void mutedServicesStayOutUntilTheMuteEnds() {
        StubServer chat = chat();
        Map<String, Instant> mutes = Map.of("inventory", Scenarios.AT.plus(Duration.ofHours(2)));
        ParityReport r = report(down("inventory"), pending("payments", "1.9.0", "1.8.3"));
        dispatch(r, mutes, slack(chat));
        assertFalse(posted(chat, 0).contains("inventory"), posted(chat, 0));
        assertTrue(posted(chat, 0).contains("muted: 1"), posted(chat, 0));
        clock.advance(Duration.ofHours(3));
        dispatch(r, mutes, slack(chat));
        assertTrue(posted(chat, 1).contains("*inventory* · `UNHEALTHY` · NEW"), posted(chat, 1));
    }

    @Test
    void routingByServiceEnvironmentAndSeverity() {
        StubServer payments = chat();
        StubServer production = chat();
        StubServer warnings = chat();
        ParityReport r = report(pending("payments", "1.9.0", "1.8.3"), down("inventory"),
                Scenarios.service("search", Scenarios.env(Health.DEGRADED, "3.1.0", null, null, Map.of("db", Health.DEGRADED, "ping", Health.UP)),
                        Scenarios.env(Health.UP, "3.1.0", null, null, Scenarios.CHECKS)));
        List<NotificationResult> results = dispatch(r,
                slack("payments-team", payments, Severity.INFO, Set.of("payments"), Set.of(), Target.Policy.ON_CHANGE),
                slack("prod-oncall", production, Severity.INFO, Set.of(), Set.of("production"), Target.Policy.ON_CHANGE),
                slack("critical-only", warnings, Severity.CRITICAL, Set.of("payments"), Set.of(), Target.Policy.ON_CHANGE));

        String p = posted(payments, 0);
        assertTrue(p.contains("*payments*") && !p.contains("inventory") && !p.contains("search"), p);
        String prod = posted(production, 0);
        assertTrue(prod.contains("*inventory*") && prod.contains("*payments*"), prod);
        assertFalse(prod.contains("*search*"), "search is only degraded in staging: " + prod);
        assertEquals(Outcome.SKIPPED, results.stream().filter(x -> x.target().equals("critical-only")).findFirst().orElseThrow().outcome());
        assertTrue(warnings.requests().isEmpty());
    }

    @Test
    void aFailedDeliveryIsRecordedAndRetriedWithANoteByTheNextRun() {
        StubServer chat = chat(Reply.text(404, "channel_not_found"), Reply.text(200, "ok"));
        ParityReport r = report(down("inventory"));
        NotificationResult failed = dispatch(r, slack(chat)).get(0);
        assertEquals(Outcome.FAILED, failed.outcome());
        assertEquals("HTTP 404 channel_not_found", failed.detail());
        TargetState state = store.load("team-chat");
        assertNotNull(state.lastFailure());
        assertTrue(state.services().isEmpty(), "nothing was told, so nothing is remembered as told");

        clock.advance(Duration.ofMinutes(15));
        assertEquals(Outcome.DELIVERED, dispatch(r, slack(chat)).get(0).outcome());
        assertTrue(posted(chat, 1).contains("could not be delivered: HTTP 404 channel_not_found"), posted(chat, 1));
        assertNull(store.load("team-chat").lastFailure());
    }

    /** Teams workflows can take seconds to answer; a late 200 is still the one message, not a failure to post again. */
    @Test
    void aSlowTwoHundredIsPostedOnceAndReportedDelivered() {
        StubServer chat = chat(Reply.text(200, "ok").delay(11_000));
        NotificationResult result = dispatch(report(down("inventory")), Map.of(), Duration.ofSeconds(30), slack(chat)).get(0);
        assertEquals(Outcome.DELIVERED, result.outcome(), result.toString());
        assertEquals(1, chat.requests("/hook").size());
    }

    @Test
    void aMessageSentInFullWithoutAnAnswerCountsAsToldAndIsNotPostedAgain() {
        StubServer chat = chat(Reply.dropAfterRequest(), Reply.text(200, "ok"));
        ParityReport r = report(down("inventory"));
        NotificationResult first = dispatch(r, slack(chat)).get(0);
        assertEquals(1, chat.requests("/hook").size(), first.toString());
        assertEquals(Outcome.UNKNOWN, first.outcome(), first.toString());
        assertTrue(first.detail().startsWith("connection lost after the message was sent"), first.detail());
        assertTrue(first.detail().endsWith("not sent again: it was sent in full and may have been posted"), first.detail());

        clock.advance(Duration.ofMinutes(15));
        NotificationResult next = dispatch(r, slack(chat)).get(0);
        assertEquals(Outcome.SKIPPED, next.outcome(), next.toString());
        assertEquals(1, chat.requests("/hook").size(), "not posted twice");
    }

    @Test
    void aTargetWhoseStateCannotBeWrittenIsNotPostedToAndTheProblemIsKeptUntilAWriteSucceeds(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where the state's folder should be");
        store = new FileStateStore(blocker.resolve("state.json"), Scenarios.JSON);
        StubServer chat = chat();
        ParityReport r = report(down("inventory"));
        NotificationResult result = dispatch(r, slack(chat)).get(0);
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.detail().startsWith("cannot write the notification state file " + blocker.resolve("state.json")),
                result.detail());
        assertTrue(result.detail().endsWith("; not posted, or every run would post it again"), result.detail());
        assertTrue(chat.requests().isEmpty(), "not posted: every later run would post it again");
        assertEquals(List.of("team-chat"), health.problems().stream().map(StateHealth.Problem::target).toList());

        Files.delete(blocker);
        assertEquals(Outcome.DELIVERED, dispatch(r, slack(chat)).get(0).outcome(), "posted once the state can be kept");
        assertTrue(health.problems().isEmpty());
        assertEquals(1, chat.requests().size());
    }

    @Test
    void aRecoveredStoreIsNoticedEvenWhenThereIsNothingToTell(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where the state's folder should be");
        store = new FileStateStore(blocker.resolve("state.json"), Scenarios.JSON);
        StubServer chat = chat();
        dispatch(report(down("inventory")), slack(chat));
        assertEquals(1, health.problems().size());

        Files.delete(blocker);
        assertEquals(Outcome.SKIPPED, dispatch(report(inSync("inventory")), slack(chat)).get(0).outcome());
        assertTrue(health.problems().isEmpty(), "the state was written again, so the store is back");
    }

    @Test
    void oneBrokenTargetDoesNotStopAnother() {
        StubServer broken = chat(Reply.text(403, "action_prohibited"));
        StubServer fine = chat();
        List<NotificationResult> results = dispatch(report(down("inventory")),
                slack("broken", broken, Severity.INFO, Set.of(), Set.of(), Target.Policy.ON_CHANGE),
                slack("fine", fine, Severity.INFO, Set.of(), Set.of(), Target.Policy.ON_CHANGE));
        assertEquals(List.of(Outcome.FAILED, Outcome.DELIVERED), results.stream().map(NotificationResult::outcome).toList());
        assertEquals(1, fine.requests().size());
    }

    @Test
    void aChangeClaimedByAnOverlappingRunIsNotPostedTwice() {
        StubServer chat = chat();
        MemoryStateStore memory = new MemoryStateStore();
        store = new StateStore() {
            @Override
            public TargetState load(String target) {
                TargetState seen = memory.load(target);
                // Another invocation claims the change between our read and our write.
                memory.compareAndSet(target, seen.version(), new TargetState(seen.version() + 1, Map.of(), null));
                return seen;
            }

            @Override
            public boolean compareAndSet(String target, long expectedVersion, TargetState next) {
                return memory.compareAndSet(target, expectedVersion, next);
            }
        };
        assertEquals(Outcome.CLAIMED_ELSEWHERE, dispatch(report(down("inventory")), slack(chat)).get(0).outcome());
        assertTrue(chat.requests().isEmpty());
    }

    @Test
    void alwaysAndNeverPolicies() {
        StubServer chat = chat();
        ParityReport r = report(inSync("checkout"));
        Target always = slack("always", chat, Severity.INFO, Set.of(), Set.of(), Target.Policy.ALWAYS);
        Target never = slack("never", chat, Severity.INFO, Set.of(), Set.of(), Target.Policy.NEVER);
        dispatch(r, always, never);
        dispatch(r, always, never);
        assertEquals(2, chat.requests().size());
        JsonNode body = parse(posted(chat, 0));
        assertEquals("✅ The service is in sync between staging and production", body.get("text").asText());
    }

    private static JsonNode parse(String body) {
        try {
            return Scenarios.JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
