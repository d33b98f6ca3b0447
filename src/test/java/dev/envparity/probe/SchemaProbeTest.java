package dev.envparity.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.envparity.compare.EnvironmentComparator;
import dev.envparity.config.CheckPlan.ProbeSettings;
import dev.envparity.config.ServiceSpec;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Finding;
import dev.envparity.report.SchemaReport;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;
import dev.envparity.testing.Fixtures;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import dev.envparity.testing.TestPlans;
import io.vertx.core.Vertx;

/**
 * Database schema parity from Spring Boot's Flyway and Liquibase endpoints, served by real HTTP servers. The
 * documents follow the endpoints' shapes as Spring Boot documents them (its REST API reference); they were not
 * recorded from a live Flyway or Liquibase run.
 */
class SchemaProbeTest {
    private static final Vertx VERTX = Vertx.vertx();
    private static final Prober PROBER = new Prober(VERTX, new ProbeSettings(16, 4 * 1024 * 1024, 5, null, null));
    private static final String FLYWAY = Fixtures.read("schema/flyway.json");
    private final List<StubServer> servers = new ArrayList<>();

    @AfterAll
    static void closeVertx() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    @AfterEach
    void stop() {
        servers.forEach(StubServer::close);
    }

    private StubServer serving(String version, String path, Reply schema) {
        StubServer s = StubServer.http().on("/actuator/health", Reply.json(200, Fixtures.read("health/spring-boot-up.json")))
                .on("/actuator/info", Reply.json(200, Fixtures.read("version/spring-boot-info-simple.json")
                        .replace("\"2.4.0\"", "\"" + version + "\"")))
                .on(path, schema);
        servers.add(s);
        return s;
    }

    private static ServiceReport judge(StubServer staging, StubServer production, String... extra) {
        ServiceSpec spec = TestPlans.service("spring-boot", staging.url(), production.url(), extra);
        Map<String, EnvironmentReport> results = PROBER.probeAll(List.of(spec), List.of("staging", "production")).get(spec.name());
        return new EnvironmentComparator(Duration.ofHours(72)).judge(spec.name(), results, Instant.now());
    }

    private static List<String> messages(ServiceReport r) {
        return r.findings().stream().map(Finding::message).toList();
    }

    /** Production as it was before V3: V3 known but pending, the repeatable migration not run yet. */
    private static String beforeV3() {
        return FLYWAY.replace("\"state\": \"SUCCESS\", \"installedBy\": \"SA\", \"installedOn\": \"2026-11-24T16:02:44.310Z\"",
                "\"state\": \"PENDING\", \"installedBy\": null, \"installedOn\": null").replace(
                "\"state\": \"SUCCESS\", \"installedBy\": \"SA\", \"installedOn\": \"2026-11-24T16:02:44.390Z\"",
                "\"state\": \"PENDING\", \"installedBy\": null, \"installedOn\": null");
    }

    @Test
    void aMigrationAppliedUpstreamButNotDownstreamOnTheSameVersion() {
        StubServer staging = serving("2.4.0", "/actuator/flyway", Reply.json(200, FLYWAY));
        StubServer production = serving("2.4.0", "/actuator/flyway", Reply.json(200, beforeV3()));
        ServiceReport r = judge(staging, production, "schema", "flyway");

        SchemaReport prod = r.environments().get("production").schema();
        assertEquals("V2 add orders", prod.latest());
        assertEquals(2, prod.applied());
        assertEquals(2, prod.pending());
        assertEquals("R order views", r.environments().get("staging").schema().latest());
        assertEquals(List.of("production runs 2.4.0 but migrations V3 add tax column, R order views are not applied "
                + "(staging has them)"), messages(r));
        assertEquals(Severity.WARNING, r.severity());
        assertEquals(Finding.Kind.SCHEMA_PENDING, r.findings().get(0).kind());
    }

    @Test
    void whileTheVersionIsPendingTheMigrationIsInformation() {
        StubServer staging = serving("2.5.0", "/actuator/flyway", Reply.json(200, FLYWAY));
        StubServer production = serving("2.4.0", "/actuator/flyway", Reply.json(200, beforeV3()));
        ServiceReport r = judge(staging, production, "schema", "flyway");
        Finding schema = r.findings().stream().filter(f -> f.kind() == Finding.Kind.SCHEMA_PENDING).findFirst().orElseThrow();
        assertEquals(Severity.INFO, schema.severity());
        assertEquals(r.findings().get(0).status(), schema.status(), "it travels under the version finding's status");
        assertEquals("migrations V3 add tax column, R order views are applied in staging 2.5.0 but not yet in production 2.4.0",
                schema.message());
    }

    @Test
    void anEditedMigrationIsCriticalAndSoIsAFailedOne() {
        StubServer staging = serving("2.4.0", "/actuator/flyway", Reply.json(200, FLYWAY));
        StubServer production = serving("2.4.0", "/actuator/flyway", Reply.json(200, FLYWAY.replace("1250113581", "-4021")
                .replace("\"checksum\": 774102337", "\"checksum\": 1")));
        ServiceReport edited = judge(staging, production, "schema", "flyway");
        // The repeatable migration runs again whenever it changes: only the versioned one counts as edited.
        assertEquals(List.of("migration V2 add orders (staging 1250113581, production -4021) was applied with different "
                + "checksums: someone edited a migration after it ran"), messages(edited));
        assertEquals(Severity.CRITICAL, edited.severity());

        StubServer failing = serving("2.4.0", "/actuator/flyway", Reply.json(200, FLYWAY.replace(
                "\"state\": \"SUCCESS\", \"installedBy\": \"SA\", \"installedOn\": \"2026-11-24T16:02:44.310Z\"",
                "\"state\": \"FAILED\", \"installedBy\": \"SA\", \"installedOn\": \"2026-11-24T16:02:44.310Z\"")));
        ServiceReport failed = judge(staging, failing, "schema", "flyway");
        assertEquals(Severity.CRITICAL, failed.severity());
        assertEquals("production has a failed migration: V3 add tax column", messages(failed).get(0));
    }

    /** Two databases, each with its own Flyway bean and its own V1, V2, V3: a migration missing in one is not hidden. */
    @Test
    void twoFlywayBeansAreComparedEachOnItsOwn() {
        String main = FLYWAY.substring(FLYWAY.indexOf("\"migrations\""), FLYWAY.lastIndexOf(']') + 1);
        String both = "{\"contexts\": {\"application\": {\"flywayBeans\": {\"flyway\": {" + main + "}, \"auditFlyway\": {"
                + main + "}}}}}";
        String auditBehind = "{\"contexts\": {\"application\": {\"flywayBeans\": {\"flyway\": {" + main
                + "}, \"auditFlyway\": {" + main.replace("\"state\": \"SUCCESS\", \"installedBy\": \"SA\", \"installedOn\": "
                        + "\"2026-11-24T16:02:44.310Z\"", "\"state\": \"PENDING\"") + "}}}}}";
        ServiceReport r = judge(serving("2.4.0", "/actuator/flyway", Reply.json(200, both)),
                serving("2.4.0", "/actuator/flyway", Reply.json(200, auditBehind)), "schema", "flyway");
        assertEquals(List.of("production runs 2.4.0 but migration auditFlyway: V3 add tax column is not applied (staging has it)"),
                messages(r));
    }

    @Test
    void liquibaseInAParentContextAndAnUnreadableEndpoint() {
        String both = Fixtures.read("schema/liquibase-parent-context.json");
        // Production has run the first change set only: bob's line gone, and the comma before it.
        String first = both.replaceAll("\\},\\s*\\{ \"author\": \"bob\"[^\n]*", "}");
        StubServer staging = serving("2.4.0", "/actuator/liquibase", Reply.json(200, both));
        StubServer production = serving("2.4.0", "/actuator/liquibase", Reply.json(200, first));
        ServiceReport r = judge(staging, production, "schema", "liquibase");
        assertEquals("changeset 42-add-tax-column by bob", r.environments().get("staging").schema().latest());
        assertEquals(List.of("production runs 2.4.0 but migration changeset 42-add-tax-column by bob is not applied "
                + "(staging has it)"), messages(r));

        // Production's Liquibase has not rewritten its checksums to the new algorithm yet (8: against 9:): no edit.
        StubServer older = serving("2.4.0", "/actuator/liquibase", Reply.json(200, both.replace(
                "9:d3589feb2baad02e15540750499ba311", "8:0ab5d5c1e7b2c64f4e3e2a1b0f9d8c7e")));
        assertEquals(List.of(), messages(judge(staging, older, "schema", "liquibase")), "another checksum algorithm is no edit");
        StubServer edited = serving("2.4.0", "/actuator/liquibase", Reply.json(200, both.replace(
                "9:d3589feb2baad02e15540750499ba311", "9:0ab5d5c1e7b2c64f4e3e2a1b0f9d8c7e")));
        assertEquals(Severity.CRITICAL, judge(staging, edited, "schema", "liquibase").severity());

        StubServer missing = serving("2.4.0", "/elsewhere", Reply.json(200, "{}"));
        ServiceReport unknown = judge(staging, missing, "schema", "liquibase");
        assertNull(unknown.environments().get("production").error(), "the service itself answered");
        assertEquals(List.of("production's liquibase endpoint could not be read (HTTP 404 Not Found): its migrations are not "
                + "compared"), messages(unknown));
        assertEquals(Severity.WARNING, unknown.severity());
    }

    @Test
    void twoThousandMigrations() {
        StringBuilder up = new StringBuilder("{\"contexts\":{\"application\":{\"flywayBeans\":{\"flyway\":{\"migrations\":[");
        StringBuilder down = new StringBuilder(up);
        for (int i = 1; i <= 2000; i++) {
            String m = "{\"type\":\"SQL\",\"checksum\":" + (i * 7919) + ",\"version\":\"" + i + "\",\"description\":\"step " + i
                    + "\",\"script\":\"V" + i + "__step.sql\",\"installedRank\":" + i + ",\"executionTime\":1,";
            up.append(i > 1 ? "," : "").append(m).append("\"state\":\"SUCCESS\",\"installedOn\":\"2026-11-01T00:00:00Z\"}");
            down.append(i > 1 ? "," : "").append(m).append(i <= 1995 ? "\"state\":\"SUCCESS\",\"installedOn\":\"2026-11-01T00:00:00Z\"}"
                    : "\"state\":\"PENDING\",\"installedOn\":null}");
        }
        up.append("]}}}}}");
        down.append("]}}}}}");
        ServiceReport r = judge(serving("2.4.0", "/actuator/flyway", Reply.json(200, up.toString())),
                serving("2.4.0", "/actuator/flyway", Reply.json(200, down.toString())), "schema", "flyway");
        assertEquals(2000, r.environments().get("staging").schema().applied());
        assertEquals("V1995 step 1995", r.environments().get("production").schema().latest());
        assertEquals(List.of("production runs 2.4.0 but migrations V1996 step 1996, V1997 step 1997, V1998 step 1998 and 2 more "
                + "are not applied (staging has them)"), messages(r));
    }
}
