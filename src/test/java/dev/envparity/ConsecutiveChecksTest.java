package dev.envparity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.envparity.history.HistoryAnswer;
import dev.envparity.history.LeadTimes;
import dev.envparity.notify.ConfirmAfter;
import dev.envparity.report.Finding;
import dev.envparity.report.ParityReport;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Status;
import dev.envparity.report.TextRenderer;
import dev.envparity.state.FileHistoryStore;
import dev.envparity.state.HistoryStore;
import dev.envparity.state.MemoryHistoryStore;
import dev.envparity.state.ServiceHistory;
import dev.envparity.testing.Fleet;
import dev.envparity.testing.MutableClock;
import io.vertx.core.Vertx;

/**
 * The history over several consecutive checks, hours and days apart on a clock the test moves: since when each
 * finding has been seen and by how many checks, since when each version runs where, how long a version took from dev
 * to production, the grace window of confirm-after, the retention, overlapping runs, and a history that cannot be
 * read or written.
 */
class ConsecutiveChecksTest {
    private static final Vertx VERTX = Vertx.vertx();
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final List<String> TWO = List.of("staging", "production");

    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    Path folder;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @AfterAll
    static void closeVertx() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    private Fleet fleet(List<String> envs, String... services) {
        Fleet f = new Fleet(envs, List.of(services));
        open.add(f);
        return f;
    }

    private Checker checker(Fleet fleet, List<String> envs, HistoryStore store, MutableClock clock, ConfirmAfter confirm,
            Duration retention, String... services) {
        Checker c = new Checker(VERTX, fleet, envs, List.of(services), clock, store, confirm, retention, Optional.empty(),
                Map.of("parity.max-promotion-lag", "72h"));
        open.add(c);
        return c;
    }

    private Checker checker(Fleet fleet, List<String> envs, String... services) {
        MutableClock clock = new MutableClock(T0);
        return checker(fleet, envs, new MemoryHistoryStore(clock), clock, ConfirmAfter.AT_ONCE, Duration.ofDays(90), services);
    }

    private static ServiceReport service(ParityReport r, String name) {
        return r.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static Finding finding(ParityReport r, String service, Finding.Kind kind) {
        return service(r, service).findings().stream().filter(f -> f.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + service(r, service)));
    }

    @Test
    void sinceChecksAndVersionSinceFollowConsecutiveChecks() {
        Fleet fleet = fleet(TWO, "checkout");
        fleet.set("checkout", "staging", "2.4.0", "UP").set("checkout", "production", "2.4.0", "DOWN");
        Checker c = checker(fleet, TWO, "checkout");

        ParityReport first = c.check(QUARTER);
        assertEquals(T0, finding(first, "checkout", Finding.Kind.UNHEALTHY).since());
        assertEquals(1, finding(first, "checkout", Finding.Kind.UNHEALTHY).checks());
        assertEquals(T0, service(first, "checkout").environments().get("production").versionSince());

        ParityReport second = c.check(QUARTER);
        assertEquals(T0, finding(second, "checkout", Finding.Kind.UNHEALTHY).since());
        assertEquals(2, finding(second, "checkout", Finding.Kind.UNHEALTHY).checks());

        fleet.version("checkout", "staging", "2.5.0");
        Instant deployed = c.now();
        ParityReport third = c.check(QUARTER);
        assertEquals(deployed, service(third, "checkout").environments().get("staging").versionSince(), "a new version, seen now");
        assertEquals(T0, service(third, "checkout").environments().get("production").versionSince());
        assertEquals(T0, finding(third, "checkout", Finding.Kind.UNHEALTHY).since());
        assertEquals(3, finding(third, "checkout", Finding.Kind.UNHEALTHY).checks());
        assertEquals(deployed, finding(third, "checkout", Finding.Kind.VERSION_DRIFT).since());
        assertEquals(1, finding(third, "checkout", Finding.Kind.VERSION_DRIFT).checks());
        assertTrue(TextRenderer.render(third).contains("  CRITICAL  checkout  30m    production is DOWN"), TextRenderer.render(third));

        fleet.health("checkout", "production", "UP");
        ParityReport fourth = c.check(QUARTER);
        assertEquals(List.of(Finding.Kind.VERSION_DRIFT), service(fourth, "checkout").findings().stream().map(Finding::kind).toList());
        assertEquals(2, finding(fourth, "checkout", Finding.Kind.VERSION_DRIFT).checks());

        fleet.health("checkout", "production", "DOWN");
        Instant again = c.now();
        ParityReport fifth = c.check(QUARTER);
        assertEquals(again, finding(fifth, "checkout", Finding.Kind.UNHEALTHY).since(), "seen again, not continuously");
        assertEquals(1, finding(fifth, "checkout", Finding.Kind.UNHEALTHY).checks());
        assertNull(fifth.historyError());
    }

    @Test
    void leadTimeOfVersionsPromotedFromDevThroughStagingToProduction() {
        List<String> three = List.of("dev", "staging", "production");
        Fleet fleet = fleet(three, "checkout");
        three.forEach(e -> fleet.set("checkout", e, "2.0.0", "UP"));
        Checker c = checker(fleet, three, "checkout");
        c.check(Duration.ofHours(1)); // 2.0.0 everywhere already: since an unknown time, no promotion

        fleet.version("checkout", "dev", "2.1.0");
        c.check(Duration.ofDays(1));
        fleet.version("checkout", "staging", "2.1.0");
        c.check(Duration.ofDays(2));
        fleet.version("checkout", "production", "2.1.0");
        c.check(Duration.ofHours(2));

        fleet.version("checkout", "dev", "2.2.0");
        c.check(Duration.ofHours(5));
        fleet.version("checkout", "staging", "2.2.0");
        c.check(Duration.ofHours(1));
        fleet.version("checkout", "production", "2.2.0");
        c.check(Duration.ofHours(1));

        HistoryAnswer answer = HistoryAnswer.of("checkout", c.history.of("checkout").orElseThrow(), three, c.history.checks(),
                c.history.retention());
        assertEquals(List.of("2.2.0", "2.1.0"), answer.promotions().stream().map(LeadTimes.Promotion::version).toList(),
                "latest first; 2.0.0 was there before envparity looked");
        LeadTimes.Promotion p21 = answer.promotions().get(1);
        assertEquals(Map.of("staging", Duration.ofDays(1).toMillis(), "production", Duration.ofDays(3).toMillis()), p21.leadTimeMs());
        assertEquals("3d", p21.leadTime().get("production"));
        LeadTimes.Summary production = answer.leadTimes().get(1);
        assertEquals("production", production.environment());
        assertEquals(2, production.promotions());
        assertEquals(Duration.ofHours(6).toMillis(), production.medianMs(), "nearest rank: the lower of two");
        assertEquals(Duration.ofDays(3).toMillis(), production.p90Ms());
        assertEquals(7, answer.checks());

        int before = c.posts().size();
        c.parity.leadTimes(); // parity.notify.lead-times
        assertEquals(before + 1, c.posts().size());
        String told = c.posts().get(before);
        assertTrue(told.contains("Promotion lead times over the last 90 days"), told);
        assertTrue(told.contains("staging: median 5h, 90th percentile 1d (2 promotions)"), told);
        assertTrue(told.contains("production: median 6h, 90th percentile 3d (2 promotions)"), told);
    }

    /** A service promoted dev → staging → production, then one dropped probe and a rolling deploy's flapping. */
    private static int postsFor(ConsecutiveChecksTest t, ConfirmAfter confirm, Duration every) {
        Fleet fleet = t.fleet(TWO, "payments");
        TWO.forEach(e -> fleet.set("payments", e, "2.4.0", "UP"));
        MutableClock clock = new MutableClock(T0);
        Checker c = t.checker(fleet, TWO, new MemoryHistoryStore(clock), clock, confirm, Duration.ofDays(90), "payments");
        c.check(every);
        fleet.health("payments", "production", "UNREACHABLE"); // one dropped probe
        c.check(every);
        fleet.health("payments", "production", "UP");
        c.check(every);
        fleet.version("payments", "staging", "2.5.0"); // a real drift, which stays
        c.check(every);
        c.check(every);
        c.check(every);
        for (String seen : List.of("2.5.0", "2.4.0", "2.5.0", "2.5.0", "2.5.0")) { // production rolls out, pod by pod
            fleet.version("payments", "production", seen);
            c.check(every);
        }
        return c.posts().size();
    }

    @Test
    void confirmAfterKeepsAOneCheckBlipAndARollingDeployQuiet() {
        assertEquals(6, postsFor(this, ConfirmAfter.AT_ONCE, QUARTER),
                "without a grace window: the blip, its end, the drift, and every flap of the rollout");
        assertEquals(2, postsFor(this, new ConfirmAfter(2, Duration.ZERO), QUARTER),
                "2 checks: the drift once it has lasted, its resolution once that has");
        assertEquals(2, postsFor(this, new ConfirmAfter(1, Duration.ofMinutes(10)), QUARTER), "10m, checked every 15m");
    }

    @Test
    void unconfirmedFindingsAreInTheReportMarkedAndNotInChat() {
        Fleet fleet = fleet(TWO, "payments");
        TWO.forEach(e -> fleet.set("payments", e, "2.4.0", "UP"));
        fleet.health("payments", "production", "DOWN");
        MutableClock clock = new MutableClock(T0);
        Checker c = checker(fleet, TWO, new MemoryHistoryStore(clock), clock, new ConfirmAfter(2, Duration.ZERO),
                Duration.ofDays(90), "payments");
        ParityReport first = c.check(QUARTER);
        assertFalse(finding(first, "payments", Finding.Kind.UNHEALTHY).confirmed());
        assertEquals(Status.UNHEALTHY, service(first, "payments").status(), "the report shows what it sees");
        assertTrue(TextRenderer.render(first).contains("new, unconfirmed"), TextRenderer.render(first));
        assertEquals(List.of(), c.posts());
        ParityReport second = c.check(QUARTER);
        assertTrue(finding(second, "payments", Finding.Kind.UNHEALTHY).confirmed());
        assertEquals(1, c.posts().size());
        assertTrue(c.posts().get(0).contains("production is DOWN — since Mon 09:00 UTC, 15m"), c.posts().get(0));
    }

    @Test
    void aPromotionWithoutBuildTimeBecomesOverdueFromWhenTheHistoryFirstSawIt() {
        Fleet fleet = fleet(TWO, "search");
        TWO.forEach(e -> fleet.set("search", e, "3.1.0", "UP"));
        Checker c = checker(fleet, TWO, "search");
        c.check(Duration.ofHours(1));
        fleet.version("search", "staging", "3.2.0");
        Instant deployed = c.now();
        ParityReport pending = c.check(Duration.ofHours(72).plusMinutes(1));
        assertEquals(Status.PROMOTION_PENDING, service(pending, "search").status());
        assertEquals("staging 3.2.0 is ahead of production 3.1.0 for 0ms (on staging since 2026-11-23 10:00 UTC)",
                finding(pending, "search", Finding.Kind.VERSION_DRIFT).message());
        ParityReport overdue = c.check(Duration.ofHours(1));
        assertEquals(Status.PROMOTION_OVERDUE, service(overdue, "search").status(), "72h after " + deployed + ", then longer");
        assertTrue(finding(overdue, "search", Finding.Kind.VERSION_DRIFT).message()
                .startsWith("staging 3.2.0 is ahead of production 3.1.0 for 3d, longer than the 3d allowed"));
    }

    @Test
    void transitionsOlderThanTheRetentionAreForgottenButNotWhatRunsNow() {
        Fleet fleet = fleet(TWO, "checkout");
        TWO.forEach(e -> fleet.set("checkout", e, "1.0.0", "UP"));
        MutableClock clock = new MutableClock(T0);
        Checker c = checker(fleet, TWO, new MemoryHistoryStore(clock), clock, ConfirmAfter.AT_ONCE, Duration.ofDays(2), "checkout");
        c.check(Duration.ofDays(1));
        fleet.version("checkout", "staging", "1.1.0");
        c.check(Duration.ofDays(1));
        c.check(Duration.ofDays(1)); // nothing changes; the history is kept all the same
        fleet.version("checkout", "staging", "1.2.0");
        ParityReport now = c.check(Duration.ofHours(1));
        ServiceHistory h = c.history.of("checkout").orElseThrow();
        assertTrue(h.transitions().stream().allMatch(t -> !t.at().isBefore(T0.plus(Duration.ofDays(1)))),
                "nothing older than two days before the last check: " + h.transitions());
        assertEquals(T0, service(now, "checkout").environments().get("production").versionSince(),
                "production has run 1.0.0 since the first check, whatever the retention");
    }

    @Test
    void overlappingRunsOnTheFileStoreRecordEachChangeOnce() throws Exception {
        Fleet fleet = fleet(TWO, "checkout", "payments");
        Path file = folder.resolve("history.json");
        MutableClock clock = new MutableClock(T0);
        // Two processes on one file: each its own store, as two CLI runs would be.
        List<Checker> runs = List.of(
                checker(fleet, TWO, new FileHistoryStore(file, Checker.JSON, clock), clock, ConfirmAfter.AT_ONCE, Duration.ofDays(90),
                        "checkout", "payments"),
                checker(fleet, TWO, new FileHistoryStore(file, Checker.JSON, clock), clock, ConfirmAfter.AT_ONCE, Duration.ofDays(90),
                        "checkout", "payments"));
        runs.get(0).check(QUARTER);
        fleet.version("checkout", "staging", "2.0.0").health("payments", "production", "DOWN");
        for (int round = 0; round < 5; round++) {
            List<CompletableFuture<ParityReport>> both = runs.stream()
                    .map(r -> CompletableFuture.supplyAsync(() -> r.parity.run(dev.envparity.report.Trigger.SCHEDULE))).toList();
            both.forEach(CompletableFuture::join);
        }
        ServiceHistory checkout = runs.get(1).history.of("checkout").orElseThrow();
        assertEquals(1, checkout.transitions().stream().filter(t -> "2.0.0".equals(t.value())).count(), checkout.transitions().toString());
        assertEquals(1, checkout.transitions().stream().filter(t -> t.kind() == ServiceHistory.Kind.OPENED).count());
        ServiceHistory payments = runs.get(0).history.of("payments").orElseThrow();
        assertEquals(1, payments.transitions().stream().filter(t -> "DOWN".equals(t.value())).count(), payments.transitions().toString());
        assertEquals(11, runs.get(0).store.checks(), "every run counted once");
    }

    @Test
    void aCorruptHistoryIsReportedTheCheckStillRunsAndTheNextOneStartsAfresh() throws Exception {
        Fleet fleet = fleet(TWO, "inventory");
        fleet.set("inventory", "staging", "5.2.0", "UP").set("inventory", "production", "5.2.0", "DOWN");
        Path file = folder.resolve("history.json");
        Files.writeString(file, "{\"checks\": 12, \"services\": {\"inventory\": {\"version\": 3, \"environm");
        MutableClock clock = new MutableClock(T0);
        Checker c = checker(fleet, TWO, new FileHistoryStore(file, Checker.JSON, clock), clock, ConfirmAfter.AT_ONCE,
                Duration.ofDays(90), "inventory");

        ParityReport damaged = c.check(QUARTER);
        assertTrue(damaged.historyError().startsWith("the history file " + file + " is unreadable"), damaged.historyError());
        Finding down = finding(damaged, "inventory", Finding.Kind.UNHEALTHY);
        assertNull(down.since(), "unknown, not made up");
        assertNull(down.checks());
        assertNull(service(damaged, "inventory").environments().get("staging").versionSince());
        assertEquals(1, c.posts().size(), "chat still hears of it");
        assertTrue(TextRenderer.render(damaged).contains("History not kept: the history file"), TextRenderer.render(damaged));
        assertTrue(Files.exists(folder.resolve("history.json.corrupt")));

        ParityReport next = c.check(QUARTER);
        assertNull(next.historyError());
        assertEquals(T0.plus(QUARTER), finding(next, "inventory", Finding.Kind.UNHEALTHY).since());
    }

    @Test
    void anUnwritableHistoryIsReportedAndTheCheckStillRuns() throws Exception {
        Fleet fleet = fleet(TWO, "inventory");
        fleet.health("inventory", "production", "DOWN");
        Path blocker = Files.writeString(folder.resolve("blocker"), "a file where the folder should be");
        MutableClock clock = new MutableClock(T0);
        Checker c = checker(fleet, TWO, new FileHistoryStore(blocker.resolve("history.json"), Checker.JSON, clock), clock,
                ConfirmAfter.AT_ONCE, Duration.ofDays(90), "inventory");
        ParityReport r = c.check(QUARTER);
        assertTrue(r.historyError().startsWith("cannot write the history file"), r.historyError());
        assertNull(finding(r, "inventory", Finding.Kind.UNHEALTHY).since());
        assertEquals(1, c.posts().size());
    }
}
