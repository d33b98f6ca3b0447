package dev.envparity.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.envparity.notify.Digest.Change;
import dev.envparity.report.Ownership;
import dev.envparity.report.ParityReport;
import dev.envparity.report.Pending;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;
import dev.envparity.report.Link;

/** The words and links a digest carries about pending commits and owners, the same on every platform. */
class PendingAndOwnersDigestTest {
    private static final ParityReport REPORT = PendingScenario.report();

    private static ServiceReport service(String name) {
        return REPORT.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static Digest digest(Map<String, Change> changes, boolean reminder, Optional<Severity> mentionAt) {
        return Digests.build(REPORT, REPORT.environments(), REPORT.services(), changes, List.of(), 0, null, reminder, mentionAt);
    }

    @Test
    void commitsWaitingNewestFirstWithThePullRequestUpFront() {
        Digest.Changes waiting = Digests.waiting(service("checkout"));
        assertEquals("12 commits waiting in staging", waiting.headline());
        assertEquals(Digests.LISTED, waiting.commits().size());
        assertEquals("#481 Fix tax rounding (Ana Ruiz)", waiting.commits().get(0));
        assertEquals("#479 from acme/currency-cache (Ben Ito)", waiting.commits().get(2));
        assertEquals(7, waiting.more(), "the count stays exact");
        assertEquals(List.of("View differences", "Promote"), waiting.links().stream().map(Link::label).toList());
        assertEquals("https://github.com/acme/checkout/actions/workflows/promote.yml?from=staging&to=production&version=2.4.0",
                waiting.links().get(1).url());
    }

    @Test
    void divergedBehindAndUnknown() {
        assertEquals("3 commits waiting in staging; production has 1 that staging lacks",
                Digests.waiting(service("inventory")).headline());
        assertEquals("Pending commits unknown: GitHub's rate limit is used up until 11:00:00 UTC; asked again after that",
                Digests.waiting(service("search")).headline());
        ServiceReport behind = ServiceReport.of("x", service("checkout").environments(), List.of(),
                Pending.of("staging", "production", Pending.State.BEHIND, 0, 2, List.of(), "https://github.com/a/b/compare/1...2"));
        assertEquals("production has 2 commits that staging lacks", Digests.waiting(behind).headline());
        assertNull(Digests.waiting(ServiceReport.of("y", service("checkout").environments(), List.of())));
    }

    @Test
    void ownersAreMentionedAtOrAboveMentionAtWhenTheirProblemIsNewChangedOrReminded() {
        Map<String, Change> changes = Map.of("inventory", Change.NEW, "checkout", Change.NEW, "search", Change.CHANGED);
        assertEquals(List.of(PendingScenario.INVENTORY), digest(changes, false, Optional.of(Severity.CRITICAL)).mentioned());
        assertEquals(List.of(PendingScenario.INVENTORY, PendingScenario.PAYMENTS),
                digest(changes, false, Optional.of(Severity.INFO)).mentioned().stream().filter(o -> o.slack() != null).toList());
        assertEquals(List.of(), digest(changes, false, Optional.empty()).mentioned(), "mention-at: never");

        Map<String, Change> ongoing = Map.of("inventory", Change.ONGOING);
        assertEquals(List.of(), digest(ongoing, false, Optional.of(Severity.CRITICAL)).mentioned(),
                "an ongoing problem does not ping again at every message");
        assertEquals(List.of(PendingScenario.INVENTORY), digest(ongoing, true, Optional.of(Severity.CRITICAL)).mentioned(),
                "a reminder does");
    }

    @Test
    void theOwnersLineNamesRunbookAndRollback() {
        Digest.Contact checkout = Digests.contact(service("checkout").ownership(), false);
        assertEquals("Owner: Payments team · [Runbook](https://wiki.example.com/runbooks/checkout) · Rollback: helm rollback "
                + "checkout 0", checkout.line(l -> "[" + l.label() + "](" + l.url() + ")", o -> "@" + o.mattermost()));
        Digest.Contact mentioned = Digests.contact(service("checkout").ownership(), true);
        assertTrue(mentioned.line(l -> l.label(), o -> "@" + o.mattermost()).startsWith("Owner: @payments-oncall · "));
        assertNull(Digests.contact(Ownership.NONE, true));
    }

    @Test
    void linksAreHttpOnlyAndCannotEndEarlyInAnySyntax() {
        assertEquals(Optional.empty(), Link.of("Runbook", "javascript:alert(1)"));
        assertEquals(Optional.empty(), Link.of("Runbook", "/relative/path"));
        assertEquals("https://x.example.com/a%20b%3Cc%3E%7Cd%28e%29%5Bf%5D%22g%27h%60i%7Bj%7D%5Ck%C3%A9?q=1&r=2",
                Link.of("Runbook", "https://x.example.com/a b<c>|d(e)[f]\"g'h`i{j}\\ké?q=1&r=2").orElseThrow().url());
    }

    @Test
    void aDeploySummaryNamesWhatShipped() {
        ServiceReport checkout = service("checkout");
        Pending shipped = Pending.of("production", "production", Pending.State.AHEAD, 2, 0, List.of(
                new Pending.Commit("1".repeat(40), "Fix tax rounding (#481)", "Ana Ruiz", "https://github.com/acme/checkout/commit/1", 481),
                new Pending.Commit("2".repeat(40), "Bump version", null, "https://github.com/acme/checkout/commit/2", null)),
                "https://github.com/acme/checkout/compare/a...b");
        Rollout rollout = new Rollout("checkout", "production", "github", "2.4.0", null, true, Duration.ofSeconds(38), shipped);
        Digest d = Digests.deploy(REPORT, REPORT.environments(), rollout, checkout, checkout, Change.NEW, null);
        assertEquals("Shipped to production: 2 commits", d.shipped().headline());
        assertEquals(List.of("#481 Fix tax rounding (Ana Ruiz)", "Bump version"), d.shipped().commits());
        assertEquals("View differences", d.shipped().links().get(0).label());
        assertNull(Digests.deploy(REPORT, REPORT.environments(), new Rollout("checkout", "production", "github", "2.4.0", null,
                true, Duration.ofSeconds(38)), checkout, checkout, Change.NEW, null).shipped());
    }
}
