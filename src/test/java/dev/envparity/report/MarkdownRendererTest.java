package dev.envparity.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.envparity.notify.ScenarioReports;
import dev.envparity.report.NotificationResult.Outcome;

/**
 * The CI job summary, per scenario, in src/test/resources/golden/summary/. After an intended change:
 * {@code ./mvnw test -Dtest=MarkdownRendererTest -Dgolden.update=true}, then review the diff.
 */
class MarkdownRendererTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "summary");
    static final String ZWSP = "\u200B";

    static Stream<String> scenarios() {
        return Stream.concat(ScenarioReports.NAMES.stream(), Stream.of("markdown-hostile", "pending-owners"));
    }

    static ParityReport report(String scenario) {
        if (scenario.equals("markdown-hostile")) {
            return hostile();
        }
        if (scenario.equals("pending-owners")) {
            return ScenarioReports.pendingOwners();
        }
        ParityReport r = ScenarioReports.report(scenario);
        return scenario.equals("mixed-drift") ? r.withNotifications(List.of(
                new NotificationResult("team-chat", "slack", Outcome.DELIVERED, "1 attempt"),
                new NotificationResult("data-lake", "webhook", Outcome.FAILED, "HTTP 500 Internal Server Error; gave up after 6 attempts")))
                : r;
    }

    /** What a service may report that Markdown would otherwise act on: table pipes, code, HTML, links, mentions, lines. */
    static ParityReport hostile() {
        Map<String, Health> checks = Map.of("db", Health.UP);
        return ScenarioReports.report(List.of(
                ScenarioReports.service("api", ScenarioReports.env(Health.UP, "2.0.0 | fake | cells |", null, null, checks),
                        ScenarioReports.env(Health.UP, "1.9`c` **b** <img src=x onerror=y>", null, null, checks)),
                ScenarioReports.service("billing", ScenarioReports.env(Health.UP, "4.0.0 :white_check_mark: @here @org/team #12", null, null, checks),
                        ScenarioReports.env(Health.UP, "[click](https://evil.example/login) www.evil.example $x^2$", null, null, checks)),
                ScenarioReports.service("cart", ScenarioReports.env(Health.UP, "5.0.0\n| injected | row |\r\n", null, null, checks),
                        ScenarioReports.unreachable("https://cart.example.com", "HTTP 500 &lt;b&gt; \\| ~~gone~~ \u001b[2J\u202Egnp.exe"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void matchesTheGoldenFile(String scenario) throws IOException {
        String actual = MarkdownRenderer.render(report(scenario));
        Path file = GOLDEN.resolve(scenario + ".md");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "no golden file " + file + "; create it with -Dgolden.update=true");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyTableRowHasItsColumnsAndNothingElse(String scenario) {
        for (String line : MarkdownRenderer.render(report(scenario)).split("\n")) {
            if (line.startsWith("|")) {
                int columns = unescapedPipes(line) - 1;
                assertTrue(columns >= 3 && columns <= 5, columns + " columns in: " + line);
                assertTrue(line.endsWith(" |"), line);
                String text = line.replaceAll("\\*\\*(DOWN|DEGRADED|UNKNOWN|unreachable)\\*\\*", "")
                        .replaceAll("\\[(View differences|Promote|Runbook|Rollback)]\\(https://[^\\s()<>|\\[\\]`]+\\)", "")
                        .replace("<br>", "");
                assertFalse(text.matches(".*(?<!\\\\)[<`*\\[].*"), "markup that is not escaped: " + line);
            }
        }
    }

    @Test
    void hostileTextIsShownAsTextAndStartsNoMarkup() {
        String md = MarkdownRenderer.render(hostile());
        String api = row(md, "| api |");
        assertEquals(5, unescapedPipes(api), "the service, its status and two environments: " + api);
        assertTrue(api.contains("2.0.0 \\| fake \\| cells \\|"), api);
        assertTrue(api.contains("1.9\\`c\\` \\*\\*b\\*\\* \\<img src=x onerror=y\\>"), api);

        String billing = row(md, "| WARNING | billing |");
        assertTrue(billing.contains(":" + ZWSP + "white\\_check\\_mark:"), "no emoji forged from a shortcode: " + billing);
        assertTrue(billing.contains("@" + ZWSP + "here @" + ZWSP + "org/team #" + ZWSP + "12"), "no mention, no reference: " + billing);
        assertTrue(billing.contains("\\[click\\](https:" + ZWSP + "//evil.example/login)"), "no link: " + billing);
        assertTrue(billing.contains("www" + ZWSP + ".evil.example"), "no bare link: " + billing);
        assertTrue(billing.contains("\\$x^2\\$"), "no math: " + billing);

        String cart = row(md, "| cart |");
        assertTrue(cart.contains("5.0.0\\\\n\\| injected \\| row \\|"), "a newline cannot start a row: " + cart);
        assertTrue(md.contains("HTTP 500 \\&lt;b\\&gt; \\\\\\| \\~\\~gone\\~\\~ \\\\x1B\\[2J\\\\u202Egnp.exe"),
                "entities, strikethrough, escapes and terminal controls stay text:\n" + md);
        assertEquals(md.lines().filter(l -> l.startsWith("| cart |")).count(), 1);
    }

    @Test
    void aLargeReportStaysWithinTheLimitAndSaysWhatItLeftOut() {
        ParityReport big = ScenarioReports.report("300-drifting");
        String md = MarkdownRenderer.render(big, 12_000);
        assertTrue(md.getBytes(StandardCharsets.UTF_8).length <= 12_000, md.length() + " characters");
        long shown = md.lines().filter(l -> l.startsWith("| service-")).count();
        assertTrue(shown > 10 && shown < 300, shown + " rows");
        assertTrue(md.contains("_Not shown, to stay within the summary's size limit: " + (300 - shown) + " services, 300 findings. "
                + "The JSON report has everything._"), md.substring(md.length() - 300));
        assertTrue(MarkdownRenderer.render(big).lines().filter(l -> l.startsWith("| service-")).count() == 300,
                "the default limit holds 300 services");
    }

    private static String row(String md, String start) {
        return md.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(start + " in\n" + md));
    }

    /** Pipes that separate cells: those not escaped by an odd number of backslashes. */
    static int unescapedPipes(String line) {
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|') {
                int backslashes = 0;
                for (int j = i - 1; j >= 0 && line.charAt(j) == '\\'; j--) {
                    backslashes++;
                }
                if (backslashes % 2 == 0) {
                    count++;
                }
            }
        }
        return count;
    }
}
