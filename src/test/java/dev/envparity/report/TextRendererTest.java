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
}
