package dev.envparity.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Finding;
import dev.envparity.report.Health;
import dev.envparity.report.Pending;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;
import dev.envparity.report.Status;

/**
 * Versions that cannot be ordered (two commit ids, two builds of one version) are explained by the code host's
 * comparison: the upstream ahead is a pending promotion, behind is a downstream ahead, diverged says who lacks what.
 * Versions that can be ordered keep their finding; the comparison only comes with the report.
 */
class HostExplainedDriftTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String UP = "4f2a9c1e7b3d5f6a8c9e0b1d2f3a4b5c6d7e8f90";
    private static final String DOWN = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d";
    private final EnvironmentComparator comparator = new EnvironmentComparator(Duration.ofHours(72));

    private static EnvironmentReport env(String version, String commit, Instant builtAt) {
        return new EnvironmentReport(Health.UP, version, commit, builtAt, 12, null, Map.of(), Map.of(), Map.of(), "h", "i");
    }

    private ServiceReport judge(EnvironmentReport staging, EnvironmentReport production, Pending... pending) {
        Map<String, EnvironmentReport> envs = new LinkedHashMap<>();
        envs.put("staging", staging);
        envs.put("production", production);
        return comparator.judge("checkout", envs, List.of(pending), NOW);
    }

    private static Pending compared(Pending.State status, int ahead, int behind) {
        return Pending.of("staging", "production", status, ahead, behind, List.of(), "https://github.com/acme/checkout/compare/x...y");
    }

    private static void assertVerdict(ServiceReport r, Finding.Kind kind, Status status, Severity severity, String message) {
        assertEquals(List.of(message), r.findings().stream().map(Finding::message).toList());
        assertEquals(kind, r.findings().get(0).kind());
        assertEquals(status, r.status());
        assertEquals(severity, r.severity());
    }

    @Test
    void commitIdsAsVersionsThatTheHostOrdersAsAheadArePendingPromotion() {
        ServiceReport r = judge(env(UP.substring(0, 7), UP, Instant.parse("2026-11-25T08:00:00Z")),
                env(DOWN.substring(0, 7), DOWN, null), compared(Pending.State.AHEAD, 12, 0));
        assertVerdict(r, Finding.Kind.VERSION_DRIFT, Status.PROMOTION_PENDING, Severity.INFO,
                "staging 4f2a9c1 is 12 commits ahead of production 9e8d7c6 for 1d 2h (built 2026-11-25)");
        assertEquals(12, r.pending().aheadBy());
    }

    @Test
    void aheadForLongerThanTheLagIsOverdue() {
        ServiceReport r = judge(env("main-4f2a9c1", UP, Instant.parse("2026-11-20T08:00:00Z")), env("main-9e8d7c6", DOWN, null),
                compared(Pending.State.AHEAD, 1, 0));
        assertVerdict(r, Finding.Kind.VERSION_DRIFT, Status.PROMOTION_OVERDUE, Severity.WARNING,
                "staging main-4f2a9c1 is 1 commit ahead of production main-9e8d7c6 for 6d 2h, longer than the 3d allowed "
                        + "(built 2026-11-20)");
    }

    @Test
    void versionsThatSortAgainstTheCommitsFollowTheCommits() {
        ServiceReport r = judge(env("build-100", UP, null), env("build-200", DOWN, null), compared(Pending.State.AHEAD, 4, 0));
        assertVerdict(r, Finding.Kind.VERSION_DRIFT, Status.PROMOTION_PENDING, Severity.INFO,
                "staging build-100 is 4 commits ahead of production build-200 (staging reports no build time)");
    }

    @Test
    void behindIsADownstreamAheadSayingWhatStagingLacks() {
        ServiceReport r = judge(env(UP.substring(0, 7), UP, null), env(DOWN.substring(0, 7), DOWN, null),
                compared(Pending.State.BEHIND, 0, 2));
        assertVerdict(r, Finding.Kind.DOWNSTREAM_AHEAD, Status.DOWNSTREAM_AHEAD, Severity.WARNING,
                "production has 2 commits that staging lacks: a hotfix not merged back? staging no longer represents production");
    }

    @Test
    void divergedSaysWhoLacksWhat() {
        ServiceReport r = judge(env(UP.substring(0, 7), UP, null), env(DOWN.substring(0, 7), DOWN, null),
                compared(Pending.State.DIVERGED, 12, 1));
        assertVerdict(r, Finding.Kind.DIVERGED, Status.DIVERGED, Severity.WARNING,
                "staging and production have diverged: production has 1 commit that staging lacks (a hotfix not merged back?), "
                        + "staging has 12 waiting");
    }

    @Test
    void theSameVersionFromDifferentCommitsIsExplainedToo() {
        ServiceReport r = judge(env("2.4.0-SNAPSHOT", UP, null), env("2.4.0-SNAPSHOT", DOWN, null),
                compared(Pending.State.AHEAD, 3, 0));
        assertVerdict(r, Finding.Kind.VERSION_DRIFT, Status.PROMOTION_PENDING, Severity.INFO,
                "staging 2.4.0-SNAPSHOT (4f2a9c1) is 3 commits ahead of production 2.4.0-SNAPSHOT (9e8d7c6) (staging reports "
                        + "no build time)");
    }

    @Test
    void orderedVersionsKeepTheirFindingAndAFailedComparisonExplainsNothing() {
        ServiceReport ordered = judge(env("2.4.0", UP, null), env("2.3.1", DOWN, null), compared(Pending.State.DIVERGED, 3, 1));
        assertVerdict(ordered, Finding.Kind.VERSION_DRIFT, Status.PROMOTION_PENDING, Severity.INFO,
                "staging 2.4.0 is ahead of production 2.3.1 (staging reports no build time)");
        assertEquals(Pending.State.DIVERGED, ordered.pending().status());

        ServiceReport failed = judge(env(UP.substring(0, 7), UP, null), env(DOWN.substring(0, 7), DOWN, null),
                Pending.failed("staging", "production", "GitHub did not answer within 10s"));
        assertVerdict(failed, Finding.Kind.DIVERGED, Status.DIVERGED, Severity.WARNING,
                "staging runs 4f2a9c1, production runs 9e8d7c6: the versions cannot be ordered");
        assertEquals("GitHub did not answer within 10s", failed.pending().error());
    }

    @Test
    void theReportCarriesTheMostDownstreamComparison() {
        Map<String, EnvironmentReport> envs = new LinkedHashMap<>();
        envs.put("dev", env("3.0.0", "1111111", null));
        envs.put("staging", env("2.4.0", UP, null));
        envs.put("production", env("2.3.1", DOWN, null));
        Pending devStaging = Pending.of("dev", "staging", Pending.State.AHEAD, 4, 0, List.of(), "u1");
        Pending stagingProduction = compared(Pending.State.AHEAD, 12, 0);
        assertEquals(stagingProduction, comparator.judge("checkout", envs, List.of(devStaging, stagingProduction), NOW).pending());
        assertEquals(devStaging, comparator.judge("checkout", envs, List.of(devStaging), NOW).pending());
        assertNull(comparator.judge("checkout", envs, NOW).pending());
    }
}
