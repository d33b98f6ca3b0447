package dev.envparity.trigger.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envparity.report.DashboardView;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Owner;
import dev.envparity.report.Ownership;
import dev.envparity.report.ParityReport;
import dev.envparity.report.Pending;
import dev.envparity.report.Promotion;
import dev.envparity.report.ServiceReport;
import dev.envparity.notify.ScenarioReports;
import dev.envparity.testing.DemoProfile;
import dev.envparity.web.Templates;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** "12 waiting" with its list and the compare page, owners, runbooks and rollback notes, on the real template. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DashboardPendingTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static String render(ParityReport report) {
        return Templates.dashboard(DashboardView.of(report, NOW, "all", "name"), false).render();
    }

    @Test
    void whatWaitsWhoOwnsItAndWhereToPromoteIt() {
        String html = render(ScenarioReports.pendingOwners());
        assertTrue(html.contains("<summary>12 waiting</summary>"), html);
        assertTrue(html.contains("<p>12 commits waiting in staging · <a href=\"https://github.com/acme/checkout/compare/"
                + "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d...4f2a9c1e7b3d5f6a8c9e0b1d2f3a4b5c6d7e8f90\" rel=\"noreferrer\">View "
                + "differences</a> · <a href=\"https://github.com/acme/checkout/actions/workflows/promote.yml?from=staging&amp;"
                + "to=production&amp;version=2.4.0\" rel=\"noreferrer\">Promote</a></p>"), html);
        assertTrue(html.contains("<li><a href=\"https://github.com/acme/checkout/commit/" + "1".repeat(40)
                + "\" rel=\"noreferrer\"><code>1111111</code></a>Fix tax rounding (#481) — Ana Ruiz</li>"), html);
        assertFalse(html.contains(" more</p>"), "the report lists all 12 here");
        assertTrue(html.contains("<summary>3 waiting</summary>"));
        assertTrue(html.contains("3 commits waiting in staging; production has 1 that staging lacks"));
        assertTrue(html.contains("<summary>pending unknown</summary>"));
        assertTrue(html.contains("Pending commits unknown: GitHub&#39;s rate limit is used up until 11:00:00 UTC"), html);

        assertTrue(html.contains("<a class=\"pill info\" href=\"https://wiki.example.com/runbooks/checkout\" rel=\"noreferrer\" "
                + "title=\"Runbook\">promotion pending</a>"), "the badge links to the runbook: " + html);
        assertTrue(html.contains("<p class=\"owner\">Owner: Payments team · <a href=\"https://wiki.example.com/runbooks/checkout\" "
                + "rel=\"noreferrer\">Runbook</a> · Rollback: helm rollback checkout 0</p>"), html);
        assertTrue(html.contains("<p class=\"owner\">Owner: Inventory · <a href=\"https://wiki.example.com/rollback/inventory\" "
                + "rel=\"noreferrer\">Rollback</a></p>"), html);
        assertTrue(html.contains("Owner: Search &amp; &lt;Discovery&gt;"), html);
        assertFalse(html.contains("<!channel>") || html.contains("<@U0HOSTILE>") || html.contains("<users/all>"),
                "commit titles and authors are text");
        assertTrue(html.contains("&lt;!channel&gt; @here @all &lt;@U0HOSTILE&gt;"));
        assertTrue(html.contains("\\u202Egnp.exe — Mallory @channel &lt;users/all&gt;\\r\\n✅ All 12"),
                "no bidi override, no line break: " + html);
    }

    @Test
    void onlyWebLinksBecomeLinks() {
        ServiceReport base = ScenarioReports.pendingOwners().services().get(0);
        Map<String, EnvironmentReport> envs = base.environments();
        Pending hostile = Pending.of("staging", "production", Pending.State.AHEAD, 1, 0, List.of(new Pending.Commit("f".repeat(40),
                "x", "y", "javascript:alert(1)", null)), "javascript:alert(2)");
        ServiceReport s = new ServiceReport("evil", base.status(), base.severity(), envs, base.findings(), hostile,
                new Ownership(new Owner("o", null, null, null, null), "javascript:alert(3)", "javascript:alert(4)"),
                new Promotion("staging", "production", "data:text/html,5"));
        String html = render(ScenarioReports.report(List.of(s)));
        assertFalse(html.contains("href=\"javascript") || html.contains("href=\"data:"), html);
        assertTrue(html.contains("Rollback: javascript:alert(4)"), "a note that is no web link is shown as text");
    }
}
