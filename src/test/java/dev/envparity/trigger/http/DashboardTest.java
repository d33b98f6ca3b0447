package dev.envparity.trigger.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.envparity.compare.EnvironmentComparator;
import dev.envparity.report.DashboardView;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Health;
import dev.envparity.report.ParityReport;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;
import dev.envparity.report.Trigger;
import dev.envparity.testing.DemoProfile;
import dev.envparity.web.Templates;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The dashboard page rendered by the real templates: the demo, 300 services, and hostile text. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DashboardTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @TestHTTPResource("/")
    URL base;

    private static EnvironmentReport up(String version, String commit) {
        return new EnvironmentReport(Health.UP, version, commit, NOW.minus(Duration.ofHours(30)), 12, null, Map.of(), Map.of(),
                Map.of(), "https://svc.example.com/actuator/health", "https://svc.example.com/actuator/info");
    }

    private static ParityReport report(List<ServiceReport> services) {
        return new ParityReport("r-1", Trigger.SCHEDULE, NOW, 250, List.of("staging", "production"),
                services.stream().map(ServiceReport::severity).reduce(Severity.OK, Severity::max), services, List.of());
    }

    private static ServiceReport service(String name, EnvironmentReport staging, EnvironmentReport production) {
        Map<String, EnvironmentReport> envs = new LinkedHashMap<>();
        envs.put("staging", staging);
        envs.put("production", production);
        return new EnvironmentComparator(Duration.ofHours(72)).judge(name, envs, NOW);
    }

    private static String render(ParityReport report, String show, String sort) {
        return Templates.dashboard(DashboardView.of(report, NOW, show, sort), false).render();
    }

    @Test
    void theDemoDashboard() {
        given().baseUri(base.toString()).get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("4 services need attention between staging and production: 1 unreachable, 1 unhealthy, 2 drifting"))
                .body(containsString("data-status=\"UNREACHABLE\""))
                .body(containsString("<span class=\"pill critical\">unhealthy</span>"))
                .body(containsString("production 3.2.0 is ahead of staging 3.1.0: staging no longer represents production"))
                .body(containsString(">1.9.0</a><code>9e8d7c6</code>"))
                .body(containsString("5.2.0-4f2a9c1e"))
                .body(containsString("href=\"?show=drift&amp;sort=severity\">Drift <b>2</b>"));
        String drift = given().baseUri(base.toString()).queryParam("show", "drift").get("/").then().statusCode(200).extract().asString();
        assertTrue(drift.contains("data-status=\"DOWNSTREAM_AHEAD\"") && drift.contains("data-status=\"PROMOTION_PENDING\""));
        assertFalse(drift.contains("data-status=\"IN_SYNC\""), "the drift filter hides services in sync");
    }

    @Test
    void sortedBySeverityThenByName() {
        String bySeverity = given().baseUri(base.toString()).get("/").then().extract().asString();
        assertTrue(bySeverity.indexOf(">ledger<") < bySeverity.indexOf(">payments<")
                && bySeverity.indexOf(">payments<") < bySeverity.indexOf(">checkout<"), "critical first, in sync last");
        String byName = given().baseUri(base.toString()).queryParam("sort", "name").get("/").then().extract().asString();
        assertTrue(byName.indexOf(">checkout<") < byName.indexOf(">inventory<") && byName.indexOf(">ledger<") < byName.indexOf(">search<"));
    }

    /** A schedule every 15 minutes: the page reloads after the next check; two missed checks make it stale. */
    @Test
    void thePageReloadsAfterTheNextCheckAndSaysWhenTheReportIsStale() {
        DashboardView.Schedule every15Minutes = new DashboardView.Schedule(after -> Optional.of(Instant.ofEpochSecond(
                (after.getEpochSecond() / 900 + 1) * 900)));
        ParityReport r = report(List.of(service("pending", up("2.0.0", null), up("1.9.0", null))));
        DashboardView fresh = DashboardView.of(r, NOW.plusSeconds(60), null, null, every15Minutes);
        assertEquals(15 * 60 - 60 + 20, fresh.refreshSeconds(), "just after the next check (10:15 + 20 s)");
        assertEquals(null, fresh.stale());
        assertEquals(null, DashboardView.of(r, NOW.plus(Duration.ofMinutes(30)), null, null, every15Minutes).stale(),
                "one missed check is not yet stale: the second may still be running");
        String stale = DashboardView.of(r, NOW.plus(Duration.ofMinutes(32)), null, null, every15Minutes).stale();
        assertTrue(stale != null && stale.startsWith("This report is 32m old"), stale);
        assertEquals(300, DashboardView.of(r, NOW, null, null, DashboardView.Schedule.NONE).refreshSeconds(),
                "without a schedule the page still reloads every 5 minutes");
        assertEquals(null, DashboardView.of(r, NOW.plus(Duration.ofDays(3)), null, null, DashboardView.Schedule.NONE).stale());
    }

    /** The cell of an unreachable environment says why, once; the Markdown to copy is the table as filtered. */
    @Test
    void anUnreachableErrorIsShownOnceAndTheShownRowsCanBeCopiedAsMarkdown() {
        EnvironmentReport down = new EnvironmentReport(Health.UNKNOWN, null, null, null, 5, "https://svc.example.com: HTTP 502 Bad Gateway",
                Map.of(), Map.of(), Map.of(), "", "");
        ParityReport r = report(List.of(service("ledger", up("0.9.1", null), down), service("pending", up("2.0.0", null), up("1.9.0", null))));
        String html = render(r, "unreachable", null);
        String page = html.replaceAll("(?s)<textarea.*?</textarea>", "");
        assertEquals(1, page.split("HTTP 502 Bad Gateway", -1).length - 1, "the error once, in its cell");
        String markdown = DashboardView.of(r, NOW, "unreachable", null).markdown();
        assertTrue(markdown.contains("| ledger |") && !markdown.contains("| pending |"), markdown);
        assertTrue(html.contains("<summary>Copy as Markdown</summary>"));
        assertTrue(html.contains("<col class=\"service\"><col><col>"), "fixed column widths whatever the filter");
    }

    /** A MISMATCH (same version, different checks) is not version drift: it has a filter of its own. */
    @Test
    void theDriftFilterCountsVersionDriftOnlyAndMismatchHasItsOwn() {
        EnvironmentReport withDb = new EnvironmentReport(Health.UP, "2.4.0", null, NOW, 12, null, Map.of("db", Health.UP),
                Map.of(), Map.of(), "", "");
        EnvironmentReport withoutDb = new EnvironmentReport(Health.UP, "2.4.0", null, NOW, 12, null, Map.of(), Map.of(), Map.of(),
                "", "");
        ParityReport r = report(List.of(service("checks", withDb, withoutDb), service("pending", up("2.0.0", null), up("1.9.0", null))));
        DashboardView view = DashboardView.of(r, NOW, "drift", null);
        assertEquals(List.of("pending"), view.rows().stream().map(DashboardView.Row::service).toList());
        assertEquals(1, view.filters().stream().filter(f -> f.id().equals("drift")).findFirst().orElseThrow().count());
        assertEquals(List.of("checks"), DashboardView.of(r, NOW, "mismatch", null).rows().stream().map(DashboardView.Row::service).toList());
    }

    @Test
    void threeHundredServices() {
        List<ServiceReport> services = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            services.add(service(String.format("service-%03d", i), up("1." + (i % 5) + ".0", "abcdef0123"), up("1.0." + i, "0123abcdef")));
        }
        String html = render(report(services), null, null);
        assertEquals(300, html.split("<tr class=").length - 1);
        assertEquals(600, html.split("<td class=").length - 1);
        assertTrue(html.contains("300 services drift between staging and production"), html.substring(0, 600));
        assertTrue(html.length() < 1_000_000, "a 300-service page stays light: " + html.length() + " bytes");
        assertEquals(0, render(report(services), "in-sync", null).split("<tr class=").length - 1);
    }

    @Test
    void hostileNamesAndVersionsAreText() {
        ServiceReport evil = service("<img src=x onerror=alert(1)>", up("<script>alert('v')</script>", null),
                up("2.0.0\" onmouseover=\"alert(2)", null));
        String html = render(report(List.of(evil)), null, null);
        assertFalse(html.contains("<script>alert"), "a version must not become a script");
        assertFalse(html.contains("<img src=x"), "a service name must not become an element");
        assertFalse(html.contains("\" onmouseover=\"alert(2)"), "a version must not break out of an attribute");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;v&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    @Test
    void badges() {
        given().baseUri(base.toString()).get("/badge/payments.svg").then().statusCode(200).contentType("image/svg+xml")
                .body(containsString("promotion pending")).body(containsString("#007ec6"));
        given().baseUri(base.toString()).get("/badge/billing.svg").then().statusCode(404);
    }

    @Test
    void noSecretsOnThePage() {
        given().baseUri(base.toString()).get("/").then().body(not(containsString("Authorization"))).body(not(containsString("@127.0.0.1")));
    }
}
