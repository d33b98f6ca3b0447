package dev.envparity.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.envparity.compare.EnvironmentComparator;
import dev.envparity.notify.ScenarioReports;

/** The terminal table: what a service reports stays inside its cell, visible, and cannot act on the terminal. */
class TextRendererTest {
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final String CLEAR_SCREEN = "\u001b[2J\u001b[H";
    private static final String FAKE_LINE = "\r\nAll services are in sync.";
    private static final String TERMINAL_LINK = "\u001b]8;;https://evil.example\u0007docs\u001b]8;;\u0007";
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F\\u061C\\u200E\\u200F"
            + "\\u202A-\\u202E\\u2066-\\u2069\\u2028\\u2029]");

    private static EnvironmentReport up(String version, Map<String, Health> checks) {
        return new EnvironmentReport(Health.UP, version, null, null, 12, null, checks, Map.of(), Map.of(), "http://a/health",
                "http://a/info");
    }

    private static ServiceReport service(String name, EnvironmentReport staging, EnvironmentReport production) {
        Map<String, EnvironmentReport> envs = new LinkedHashMap<>();
        envs.put("staging", staging);
        envs.put("production", production);
        return new EnvironmentComparator(Duration.ofHours(72)).judge(name, envs, AT);
    }

    @Test
    void aServiceCannotClearTheScreenOrPrintALineOfItsOwn() {
        EnvironmentReport unreachable = new EnvironmentReport(Health.UNKNOWN, null, null, null, 5000,
                "http://b/health: HTTP 500 " + CLEAR_SCREEN + TERMINAL_LINK + FAKE_LINE, Map.of(), Map.of(), Map.of(),
                "http://b/health", "http://b/info");
        ParityReport report = new ParityReport("3f6b2c1e", Trigger.CLI, AT, 412, List.of("staging", "production"), Severity.CRITICAL,
                List.of(service("api", up("2.0.0" + CLEAR_SCREEN + "\u0007\u009b31m", Map.of()), up("1.9.0" + FAKE_LINE, Map.of())),
                        service("cart", up("5.0.0\u202Egnp.exe", Map.of("db\nok", Health.UP)), unreachable)),
                List.of()).withNotifications(List.of(new NotificationResult("team-chat", "slack",
                        NotificationResult.Outcome.FAILED, "HTTP 400 " + CLEAR_SCREEN + FAKE_LINE)));

        String out = TextRenderer.render(report);

        assertFalse(CONTROL.matcher(out).find(), () -> "a control character reached the terminal:\n" + out);
        List<String> lines = Arrays.asList(out.split("\n"));
        assertFalse(lines.stream().anyMatch(l -> l.strip().startsWith("All services are in sync")),
                () -> "a service printed a line of its own:\n" + out);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("  api ")).count(), out);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("  cart ")).count(), out);
        assertTrue(out.contains("\\x1B[2J"), "the attempt stays visible, escaped:\n" + out);
        assertTrue(out.contains("\\u202Egnp.exe"), out);
        assertTrue(out.contains("\\r\\nAll services are in sync."), out);
    }

    @Test
    void aDifferentRuntimeIsAFindingRowWithBothValues() {
        ServiceReport checkout = service("checkout", up("2.4.0", Map.of()).withRuntime(Map.of("java", "Java 21.0.5")),
                up("2.4.0", Map.of()).withRuntime(Map.of("java", "Java 17.0.9" + FAKE_LINE)));
        String out = TextRenderer.render(new ParityReport("3f6b2c1e", Trigger.CLI, AT, 412, List.of("staging", "production"),
                Severity.WARNING, List.of(checkout), List.of()));
        assertTrue(out.contains("  checkout  MISMATCH  2.4.0 UP  2.4.0 UP\n"), out);
        assertTrue(out.contains("  WARNING   checkout  -      production runs Java 17.0.9\\r\\nAll services are in sync., staging Java "
                + "21.0.5, both on 2.4.0\n"), out);
    }

    @Test
    void aCountOfTheCommitsWaitingWhenACodeHostWasAsked() {
        Map<String, EnvironmentReport> envs = new LinkedHashMap<>();
        envs.put("staging", up("2.4.0", Map.of()));
        envs.put("production", up("2.3.1", Map.of()));
        EnvironmentComparator comparator = new EnvironmentComparator(Duration.ofHours(72));
        List<ServiceReport> services = List.of(
                comparator.judge("checkout", envs, List.of(Pending.of("staging", "production", Pending.State.AHEAD, 12, 0, List.of(),
                        "https://github.com/a/b/compare/x...y")), AT),
                comparator.judge("inventory", envs, List.of(Pending.of("staging", "production", Pending.State.DIVERGED, 3, 1,
                        List.of(), null)), AT),
                comparator.judge("ledger", envs, List.of(Pending.failed("staging", "production", "GitHub did not answer")), AT),
                comparator.judge("search", envs, AT));
        String text = TextRenderer.render(new ParityReport("r", Trigger.CLI, AT, 1, List.of("staging", "production"),
                Severity.INFO, services, List.of()));
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(2).matches(" +SERVICE +STATUS +STAGING +PRODUCTION +WAITING"), text);
        assertTrue(lines.get(3).endsWith("2.3.1 UP    12 commits"), text);
        assertTrue(lines.get(4).endsWith("3 commits, diverged"), text);
        assertTrue(lines.get(5).endsWith("unknown"), text);
        assertTrue(lines.get(6).endsWith("-"), text);
        String without = TextRenderer.render(new ParityReport("r", Trigger.CLI, AT, 1, List.of("staging", "production"),
                Severity.INFO, List.of(comparator.judge("search", envs, AT)), List.of()));
        assertFalse(without.contains("WAITING"), "no column where no code host was asked");
    }
    @Test
    void whatWaitsAndWhoseItIsFollowsTheFindingsOneLineEach() {
        String text = TextRenderer.render(ScenarioReports.pendingOwners());
        String section = text.substring(text.indexOf("\nWaiting to ship, and whose it is\n"));
        List<String> lines = section.lines().skip(2).toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("  checkout +12 commits waiting in staging +https://github\\.com/acme/"
                + "checkout/compare/9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d\\.\\.\\.4f2a9c1e7b3d5f6a8c9e0b1d2f3a4b5c6d7e8f90")), section);
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("    #481 Fix tax rounding (Ana Ruiz)")), section);
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("  … and 7 more")), section);
        assertTrue(lines.stream().anyMatch(l -> l.matches(" +Promote +https://github\\.com/acme/checkout/actions/.*")), section);
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("Owner: Payments team")), section);
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("Rollback: helm rollback checkout 0")), section);
        assertTrue(lines.stream().anyMatch(l -> l.matches("  search +Pending commits unknown: GitHub's rate limit is used up "
                + "until 11:00:00 UTC; asked again after that")), section);
        assertTrue(lines.contains("  ledger     Owner: Payments team"), "an owner without a code host:\n" + section);
        assertEquals(21, lines.size(), "one line per commit, link and note, none started by a commit title:\n" + section);
        assertFalse(Pattern.compile("[\\p{Cntrl}&&[^\n]]|[\u202A-\u202E\u2066-\u2069]").matcher(section).find(), section);
    }
}
