package dev.envparity.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envparity.config.TlsRules;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Finding;
import dev.envparity.report.Health;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;
import dev.envparity.report.Status;

class EnvironmentComparatorTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final EnvironmentComparator comparator = new EnvironmentComparator(Duration.ofHours(72));

    private static EnvironmentReport env(String version, String commit, Instant builtAt) {
        return new EnvironmentReport(Health.UP, version, commit, builtAt, 12, null, Map.of("db", Health.UP), Map.of(),
                Map.of("health", 200, "version", 200), "http://h/health", "http://h/info");
    }

    private static EnvironmentReport env(String version) {
        return env(version, null, null);
    }

    private ServiceReport judge(EnvironmentReport... envs) {
        Map<String, EnvironmentReport> byEnv = new LinkedHashMap<>();
        String[] names = envs.length == 3 ? new String[] { "dev", "staging", "production" } : new String[] { "staging", "production" };
        for (int i = 0; i < envs.length; i++) {
            byEnv.put(names[i], envs[i]);
        }
        return comparator.judge("checkout", byEnv, NOW);
    }

    private static void assertVerdict(ServiceReport r, Status status, Severity severity, String... messages) {
        assertEquals(status, r.status(), r.findings().toString());
        assertEquals(severity, r.severity());
        assertEquals(List.of(messages), r.findings().stream().map(Finding::message).toList());
    }

    @Test
    void inSync() {
        assertVerdict(judge(env("2.4.0", "4f2a9c1", null), env("v2.4.0", "4f2a9c1e7b3d5f6a8c9e0b1d2f3a4b5c6d7e8f90", null)),
                Status.IN_SYNC, Severity.OK);
    }

    @Test
    void promotionPendingWithBuildTime() {
        ServiceReport r = judge(env("2.4.0", null, Instant.parse("2026-11-24T06:00:00Z")), env("2.3.1"));
        assertVerdict(r, Status.PROMOTION_PENDING, Severity.INFO,
                "staging 2.4.0 is ahead of production 2.3.1 for 2d 4h (built 2026-11-24)");
        assertEquals(Finding.Kind.VERSION_DRIFT, r.findings().get(0).kind());
        assertEquals(List.of("staging", "production"), r.findings().get(0).environments());
    }

    @Test
    void promotionPendingWithoutBuildTime() {
        assertVerdict(judge(env("2.4.0"), env("2.3.1")), Status.PROMOTION_PENDING, Severity.INFO,
                "staging 2.4.0 is ahead of production 2.3.1 (staging reports no build time)");
    }

    @Test
    void promotionOverdue() {
        assertVerdict(judge(env("2.4.0", null, Instant.parse("2026-11-17T08:00:00Z")), env("2.3.1")),
                Status.PROMOTION_OVERDUE, Severity.WARNING,
                "staging 2.4.0 is ahead of production 2.3.1 for 9d 2h, longer than the 3d allowed (built 2026-11-17)");
    }

    /** Without a build time, the history's first sighting upstream dates the lead; before it, nothing could. */
    @Test
    void promotionWithoutBuildTimeIsDatedFromWhenTheHistoryFirstSawItUpstream() {
        EnvironmentReport seenTwoDaysAgo = env("2.4.0").withVersionSince(Instant.parse("2026-11-24T08:30:00Z"));
        assertVerdict(judge(seenTwoDaysAgo, env("2.3.1")), Status.PROMOTION_PENDING, Severity.INFO,
                "staging 2.4.0 is ahead of production 2.3.1 for 2d 1h (on staging since 2026-11-24 08:30 UTC)");
        EnvironmentReport seenFourDaysAgo = env("2.4.0").withVersionSince(Instant.parse("2026-11-22T08:30:00Z"));
        assertVerdict(judge(seenFourDaysAgo, env("2.3.1")), Status.PROMOTION_OVERDUE, Severity.WARNING,
                "staging 2.4.0 is ahead of production 2.3.1 for 4d 1h, longer than the 3d allowed (on staging since 2026-11-22 08:30 UTC)");
    }

    /** Built long ago but deployed yesterday: the build time still decides, as it always has. */
    @Test
    void aBuildTimeDecidesOverTheHistory() {
        EnvironmentReport both = env("2.4.0", null, Instant.parse("2026-11-17T08:00:00Z"))
                .withVersionSince(Instant.parse("2026-11-25T10:00:00Z"));
        assertEquals(Status.PROMOTION_OVERDUE, judge(both, env("2.3.1")).status());
    }

    @Test
    void downstreamAhead() {
        assertVerdict(judge(env("3.1.0"), env("3.2.0")), Status.DOWNSTREAM_AHEAD, Severity.WARNING,
                "production 3.2.0 is ahead of staging 3.1.0: staging no longer represents production");
    }

    @Test
    void divergedVersionsCannotBeOrdered() {
        assertVerdict(judge(env("feature-login"), env("2.4.0")), Status.DIVERGED, Severity.WARNING,
                "staging runs feature-login, production runs 2.4.0: the versions cannot be ordered");
    }

    @Test
    void divergedSameVersionDifferentCommits() {
        assertVerdict(judge(env("2.4.0", "4f2a9c1", null), env("2.4.0", "9e8d7c6b5a", null)), Status.DIVERGED,
                Severity.WARNING, "staging and production both report 2.4.0 but run different commits (4f2a9c1 vs 9e8d7c6)");
    }

    @Test
    void divergedSameReleaseDifferentBuilds() {
        assertVerdict(judge(env("1.0.0+b41"), env("1.0.0+b40")), Status.DIVERGED, Severity.WARNING,
                "staging 1.0.0+b41 and production 1.0.0+b40 are the same release from different builds");
    }

    @Test
    void opaqueVersionsNeedCommits() {
        assertVerdict(judge(env("latest"), env("latest")), Status.DIVERGED, Severity.WARNING,
                "staging and production both report 'latest', which does not identify a build; set commit-pointer to compare them");
        assertVerdict(judge(env("latest", "abc1234", null), env("latest", "abc1234", null)), Status.IN_SYNC, Severity.OK);
    }

    @Test
    void mismatchOfHealthChecks() {
        EnvironmentReport staging = new EnvironmentReport(Health.UP, "2.4.0", null, null, 5, null,
                Map.of("db", Health.UP, "redis", Health.UP), Map.of(), Map.of(), "", "");
        EnvironmentReport production = new EnvironmentReport(Health.UP, "2.4.0", null, null, 5, null,
                Map.of("db", Health.UP, "kafka", Health.UP), Map.of(), Map.of(), "", "");
        assertVerdict(judge(staging, production), Status.MISMATCH, Severity.WARNING,
                "health checks differ on 2.4.0: production lacks redis; staging lacks kafka");
    }

    @Test
    void mismatchOfCompareFields() {
        Map<String, String> java21 = new LinkedHashMap<>();
        java21.put("/java/version", "21.0.5");
        java21.put("/feature", null);
        EnvironmentReport staging = new EnvironmentReport(Health.UP, "2.4.0", null, null, 5, null, Map.of(), java21, Map.of(), "", "");
        EnvironmentReport production = new EnvironmentReport(Health.UP, "2.4.0", null, null, 5, null, Map.of(),
                Map.of("/java/version", "17.0.12", "/feature", "on"), Map.of(), "", "");
        assertVerdict(judge(staging, production), Status.MISMATCH, Severity.WARNING,
                "/java/version differs on 2.4.0: staging 21.0.5, production 17.0.12",
                "/feature differs on 2.4.0: staging (absent), production on");
    }

    @Test
    void unhealthyDownAndDegraded() {
        EnvironmentReport down = new EnvironmentReport(Health.DOWN, "2.4.0", null, null, 5, null,
                Map.of("db", Health.DOWN), Map.of(), Map.of("health", 503), "", "");
        assertVerdict(judge(env("2.4.0"), down), Status.UNHEALTHY, Severity.CRITICAL, "production is DOWN: db is DOWN");
        EnvironmentReport degraded = new EnvironmentReport(Health.DEGRADED, "2.4.0", null, null, 5, null,
                Map.of("db", Health.DEGRADED), Map.of(), Map.of(), "", "");
        assertVerdict(judge(degraded, env("2.4.0")), Status.UNHEALTHY, Severity.WARNING, "staging is DEGRADED: db is DEGRADED");
    }

    @Test
    void aHealthTheServiceCannotTellIsNeverInSync() {
        EnvironmentReport unknown = new EnvironmentReport(Health.UNKNOWN, "2.4.0", null, null, 5, null, Map.of("db", Health.UP), Map.of(),
                Map.of("health", 200), "", "");
        ServiceReport r = judge(env("2.4.0"), unknown);
        assertVerdict(r, Status.UNHEALTHY, Severity.WARNING, "production reports its health as UNKNOWN");
        assertEquals(Finding.Kind.HEALTH_UNKNOWN, r.findings().get(0).kind());
    }

    @Test
    void unreachableIsTheMostSevereAndOthersStillShow() {
        EnvironmentReport unreachable = new EnvironmentReport(Health.UNKNOWN, null, null, null, 5000,
                "https://checkout.example.com: timed out after 5s", Map.of(), Map.of(), Map.of(), "", "");
        ServiceReport r = judge(env("3.1.0"), env("3.0.0"), unreachable);
        assertVerdict(r, Status.UNREACHABLE, Severity.CRITICAL,
                "production unreachable: https://checkout.example.com: timed out after 5s",
                "dev 3.1.0 is ahead of staging 3.0.0 (dev reports no build time)");
    }

    @Test
    void comparesOnlyAdjacentEnvironments() {
        ServiceReport r = judge(env("2.0.0"), env("2.0.0"), env("1.9.0"));
        assertVerdict(r, Status.PROMOTION_PENDING, Severity.INFO,
                "staging 2.0.0 is ahead of production 1.9.0 (staging reports no build time)");
    }

    private static EnvironmentReport runs(String version, String java, String framework) {
        Map<String, String> runtime = new LinkedHashMap<>();
        if (java != null) {
            runtime.put("java", java);
        }
        if (framework != null) {
            runtime.put("framework", framework);
        }
        return env(version, "4f2a9c1", Instant.parse("2026-11-25T06:00:00Z")).withRuntime(runtime);
    }

    @Test
    void aDifferentRuntimeOnTheSameBuildIsAWarningWithBothValues() {
        ServiceReport r = judge(runs("2.4.0", "Java 21.0.5 (Eclipse Adoptium)", "Quarkus 3.33.2"),
                runs("2.4.0", "Java 17.0.9 (Eclipse Adoptium)", "Quarkus 3.33.2"));
        assertVerdict(r, Status.MISMATCH, Severity.WARNING,
                "production runs Java 17.0.9 (Eclipse Adoptium), staging Java 21.0.5 (Eclipse Adoptium), both on 2.4.0");
        assertEquals(Finding.Kind.RUNTIME_MISMATCH, r.findings().get(0).kind());
        assertEquals(List.of("staging", "production"), r.findings().get(0).environments());
    }

    @Test
    void everyAspectThatDiffersIsAFindingAlongTheWholePromotionOrder() {
        ServiceReport r = judge(runs("2.4.0", "Java 21.0.5", "Quarkus 3.33.2"), runs("2.4.0", "Java 21.0.5", "Quarkus 3.30.0"),
                runs("2.4.0", "Java 17.0.9", "Quarkus 3.30.0"));
        assertVerdict(r, Status.MISMATCH, Severity.WARNING, "staging runs Quarkus 3.30.0, dev Quarkus 3.33.2, both on 2.4.0",
                "production runs Java 17.0.9, staging Java 21.0.5, both on 2.4.0");
    }

    @Test
    void whileTheVersionIsPendingTheRuntimeTravelsWithItAsInformation() {
        ServiceReport r = judge(runs("2.4.0", "Java 21.0.5", null), runs("2.3.1", "Java 17.0.9", null));
        // The service stays "promotion pending": the new Java arrives with the new version.
        assertVerdict(r, Status.PROMOTION_PENDING, Severity.INFO,
                "staging 2.4.0 is ahead of production 2.3.1 for 1d 4h (built 2026-11-25)",
                "production runs Java 17.0.9 on 2.3.1, staging Java 21.0.5 on 2.4.0");
        assertEquals(Finding.Kind.RUNTIME_MISMATCH, r.findings().get(1).kind());
        assertEquals(Severity.INFO, r.findings().get(1).severity());
    }

    @Test
    void anAspectOneSideDoesNotPublishIsNotCompared() {
        assertVerdict(judge(runs("2.4.0", "Java 21.0.5", null), runs("2.4.0", null, "Quarkus 3.33.2")), Status.IN_SYNC,
                Severity.OK);
        assertVerdict(judge(runs("2.4.0", "Java 21.0.5", "Quarkus 3.33.2"), runs("2.4.0", "Java 21.0.5", "Quarkus 3.33.2")),
                Status.IN_SYNC, Severity.OK);
    }

    private static EnvironmentReport served(String issuedBy, String protocol, Duration left) {
        return env("2.4.0", "4f2a9c1", null).withTls(new dev.envparity.report.TlsReport(protocol, "CN=checkout.example.com",
                List.of("checkout.example.com"), "CN=R11,O=" + issuedBy + ",C=US", issuedBy, NOW.plus(left)));
    }

    @Test
    void certificateExpiryAgainstBothThresholds() {
        assertVerdict(judge(served("Let's Encrypt", "TLSv1.3", Duration.ofDays(15)), served("Let's Encrypt", "TLSv1.3",
                Duration.ofDays(90))), Status.IN_SYNC, Severity.OK);
        assertVerdict(judge(served("Let's Encrypt", "TLSv1.3", Duration.ofDays(14)), served("Let's Encrypt", "TLSv1.3",
                Duration.ofDays(90))), Status.CERTIFICATE_EXPIRING, Severity.WARNING,
                "staging's certificate expires in 14d (2026-12-10, issued by Let's Encrypt)");
        assertVerdict(judge(served("Let's Encrypt", "TLSv1.3", Duration.ofDays(90)), served("Let's Encrypt", "TLSv1.3",
                Duration.ofHours(30))), Status.CERTIFICATE_EXPIRING, Severity.CRITICAL,
                "production's certificate expires in 1d 6h (2026-11-27, issued by Let's Encrypt)");
        ServiceReport custom = new EnvironmentComparator(Duration.ofHours(72), new TlsRules(true, Duration.ofDays(30),
                Duration.ofDays(7), true)).judge("checkout", Map.of("production", served("Let's Encrypt", "TLSv1.3",
                        Duration.ofDays(20))), NOW);
        assertVerdict(custom, Status.CERTIFICATE_EXPIRING, Severity.WARNING,
                "production's certificate expires in 20d (2026-12-16, issued by Let's Encrypt)");
    }

    @Test
    void issuerAndProtocolDifferencesAreInformationAndCanBeTurnedOff() {
        EnvironmentReport staging = served("Let's Encrypt", "TLSv1.3", Duration.ofDays(60));
        EnvironmentReport production = served("DigiCert Inc", "TLSv1.2", Duration.ofDays(300));
        assertVerdict(judge(staging, production), Status.MISMATCH, Severity.INFO,
                "production's certificate is issued by DigiCert Inc, staging's by Let's Encrypt",
                "production negotiates TLSv1.2, staging TLSv1.3");
        Map<String, EnvironmentReport> both = new LinkedHashMap<>();
        both.put("staging", staging);
        both.put("production", production);
        assertVerdict(new EnvironmentComparator(Duration.ofHours(72), new TlsRules(true, Duration.ofDays(14), Duration.ofDays(3),
                false)).judge("checkout", both, NOW), Status.IN_SYNC, Severity.OK);
    }

    /**
     * A pending promotion stays a pending promotion: a certificate or header difference that may arrive with it is
     * information under its status, never a MISMATCH that fails the gate (warning) or leaves the Drift filter.
     */
    @Test
    void whileTheVersionIsPendingCertificateAndHeaderDifferencesTravelWithIt() {
        EnvironmentReport staging = env("2.4.0", null, Instant.parse("2026-11-25T06:00:00Z"))
                .withTls(new dev.envparity.report.TlsReport("TLSv1.3", "CN=checkout.example.com", List.of("checkout.example.com"),
                        "CN=R11,O=Let's Encrypt,C=US", "Let's Encrypt", NOW.plus(Duration.ofDays(60))))
                .withSecurityHeaders(new dev.envparity.report.HeaderChecklist(List.of("Content-Security-Policy"), List.of(), Map.of()));
        dev.envparity.report.HeaderChecklist withoutCsp = new dev.envparity.report.HeaderChecklist(List.of(),
                List.of("Content-Security-Policy"), Map.of());
        EnvironmentReport production = env("2.3.1")
                .withTls(new dev.envparity.report.TlsReport("TLSv1.3", "CN=checkout.example.com", List.of("checkout.example.com"),
                        "CN=G2,O=DigiCert Inc,C=US", "DigiCert Inc", NOW.plus(Duration.ofDays(300))))
                .withSecurityHeaders(withoutCsp);
        ServiceReport pending = judge(staging, production);
        assertVerdict(pending, Status.PROMOTION_PENDING, Severity.INFO,
                "staging 2.4.0 is ahead of production 2.3.1 for 1d 4h (built 2026-11-25)",
                "production's certificate is issued by DigiCert Inc, staging's by Let's Encrypt",
                "security headers differ: production lacks Content-Security-Policy that staging sends (staging 2.4.0, production 2.3.1)");
        assertTrue(pending.findings().stream().allMatch(f -> f.status() == Status.PROMOTION_PENDING), pending.findings().toString());

        // The same build: the header difference is a warning again.
        ServiceReport same = judge(staging, env("2.4.0").withSecurityHeaders(withoutCsp));
        assertEquals(Status.MISMATCH, same.status());
        assertEquals(Severity.WARNING, same.severity());
    }
}
