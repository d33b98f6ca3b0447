package dev.envparity.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.envparity.compare.EnvironmentComparator;
import dev.envparity.history.LeadTimes;
import dev.envparity.notify.Digest.Change;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Health;
import dev.envparity.report.HeaderChecklist;
import dev.envparity.report.ParityReport;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.SchemaReport;
import dev.envparity.report.SchemaReport.Migration;
import dev.envparity.report.Severity;
import dev.envparity.report.TlsReport;
import dev.envparity.report.Trigger;
import dev.envparity.state.TargetState;

/**
 * The reports behind the golden files: built through the real comparator at a fixed instant, so every
 * sentence in a golden file is one envparity really writes.
 */
final class Scenarios {
    static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    static final List<String> ENVS = List.of("staging", "production");
    private static final EnvironmentComparator COMPARATOR = new EnvironmentComparator(Duration.ofHours(72));

    /** The mapper Quarkus configures: ISO-8601 instants. */
    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private Scenarios() {
    }

    static final List<String> NAMES = List.of("all-in-sync", "mixed-drift", "all-unreachable", "300-drifting", "hostile-text",
            "pending-owners", "lead-times", "runtime-parity", "tls-parity", "headers-parity", "schema-parity");

    /** What a broken or hostile service may report: terminal escapes, a fake line, mentions, links, bidi overrides. */
    static final String CLEAR_SCREEN = "\u001b[2J\u001b[H";
    static final String FAKE_LINE = "\r\n✅ All 12 services are in sync";
    static final String SLACK_MENTIONS = "<!channel> <!here> <@U024BE7LH> <!subteam^SAZ94GDB8>";
    static final String MENTIONS = "@here @channel @all <users/all>";
    static final String LINK = "[click here](https://evil.example/login)";
    static final String SLACK_LINK = "<https://evil.example/login|click here>";
    static final String RIGHT_TO_LEFT = "\u202Egnp.exe";
    static final String TERMINAL_LINK = "\u001b]8;;https://evil.example\u0007docs\u001b]8;;\u0007";

    static ParityReport report(String name) {
        switch (name) {
            case "all-in-sync": return allInSync();
            case "mixed-drift": return mixedDrift();
            case "all-unreachable": return allUnreachable();
            case "300-drifting": return drifting(300);
            case "hostile-text": return hostileText();
            case "pending-owners": return PendingScenario.report();
            case "lead-times": return mixedDrift();
            case "runtime-parity": return runtimeParity();
            case "tls-parity": return tlsParity();
            case "headers-parity": return headersParity();
            case "schema-parity": return schemaParity();
            default: throw new IllegalArgumentException(name);
        }
    }

    /** The digest a first message carries; mixed-drift also shows a change, a resolved service and a failure note. */
    static Digest digest(String name) {
        ParityReport r = report(name);
        if (name.equals("lead-times")) { // parity.notify.lead-times, over the mixed-drift services
            return Digests.leadTimes(r, r.environments(), r.services(), Map.of(
                    "payments", List.of(new LeadTimes.Summary("production", 8, 93_600_000L, 223_270_000L, "1d 2h", "2d 14h")),
                    "checkout", List.of(new LeadTimes.Summary("production", 1, 10_800_000L, 10_800_000L, "3h", "3h"))), 90, 0);
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        r.services().stream().filter(s -> s.severity() != Severity.OK).forEach(s -> changes.put(s.name(), Change.NEW));
        List<String> resolved = List.of();
        TargetState.Failure failure = null;
        if (name.equals("hostile-text")) {
            failure = new TargetState.Failure(AT.minus(Duration.ofMinutes(15)), "HTTP 400 " + SLACK_MENTIONS + " " + LINK + " "
                    + TERMINAL_LINK + FAKE_LINE);
        }
        if (name.equals("mixed-drift")) {
            changes.put("search", Change.CHANGED);
            changes.put("payments", Change.ONGOING);
            resolved = List.of("billing");
            failure = new TargetState.Failure(AT.minus(Duration.ofMinutes(15)), "HTTP 500 rollup_error; gave up after 6 attempts");
        }
        // pending-owners mentions the owners of every service that needs attention (mention-at: info).
        Optional<Severity> mentionAt = Optional.of(name.equals("pending-owners") ? Severity.INFO : Severity.CRITICAL);
        return Digests.build(r, r.environments(), r.services(), changes, resolved, 0, failure, false, mentionAt);
    }

    static EnvironmentReport env(Health health, String version, String commit, Instant builtAt, Map<String, Health> checks) {
        return new EnvironmentReport(health, version, commit, builtAt, 42, null, checks, Map.of(),
                Map.of("health", health == Health.DOWN ? 503 : 200, "version", 200), "https://svc.example.com/actuator/health",
                "https://svc.example.com/actuator/info");
    }

    static EnvironmentReport unreachable(String url, String error) {
        return new EnvironmentReport(Health.UNKNOWN, null, null, null, 5000, url + ": " + error, Map.of(), Map.of(),
                Map.of(), url + "/actuator/health", url + "/actuator/info");
    }

    static ServiceReport service(String name, EnvironmentReport staging, EnvironmentReport production) {
        Map<String, EnvironmentReport> envs = new LinkedHashMap<>();
        envs.put("staging", staging);
        envs.put("production", production);
        return COMPARATOR.judge(name, envs, AT);
    }

    static ParityReport report(List<ServiceReport> services) {
        List<ServiceReport> sorted = new ArrayList<>(services);
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        Severity severity = sorted.stream().map(ServiceReport::severity).reduce(Severity.OK, Severity::max);
        return new ParityReport("3f6b2c1e-9a4d-4e1f-8b7a-0c2d4e6f8a9b", Trigger.SCHEDULE, AT, 412, ENVS, severity, sorted,
                List.of());
    }

    static final Map<String, Health> CHECKS = Map.of("db", Health.UP, "ping", Health.UP);

    static ParityReport allInSync() {
        List<ServiceReport> s = new ArrayList<>();
        for (String name : List.of("checkout", "payments", "search", "inventory", "ledger")) {
            Instant built = AT.minus(Duration.ofDays(6));
            s.add(service(name, env(Health.UP, "2.4.0", "4f2a9c1", built, CHECKS), env(Health.UP, "2.4.0", "4f2a9c1", built, CHECKS)));
        }
        return report(s);
    }

    static ParityReport mixedDrift() {
        List<ServiceReport> s = new ArrayList<>();
        s.add(service("checkout", env(Health.UP, "2.4.0", "4f2a9c1", AT.minus(Duration.ofDays(6)), CHECKS),
                env(Health.UP, "2.4.0", "4f2a9c1", AT.minus(Duration.ofDays(6)), CHECKS)));
        s.add(service("payments", env(Health.UP, "1.9.0", "9e8d7c6", AT.minus(Duration.ofHours(26)), CHECKS),
                env(Health.UP, "1.8.3", "4f2a9c1", AT.minus(Duration.ofDays(14)), CHECKS)));
        s.add(service("orders", env(Health.UP, "3.0.0", "1a2b3c4", AT.minus(Duration.ofDays(9)), CHECKS),
                env(Health.UP, "2.9.4", "5d6e7f8", AT.minus(Duration.ofDays(30)), CHECKS)));
        s.add(seen(service("search", env(Health.UP, "3.1.0", "4f2a9c1", null, CHECKS), env(Health.UP, "3.2.0", "9e8d7c6", null, CHECKS)),
                Duration.ofDays(8).plusHours(3), 781));
        s.add(seen(service("inventory", env(Health.UP, "5.2.0", "abc1234", null, CHECKS),
                env(Health.DOWN, "5.2.0", "abc1234", null, Map.of("db", Health.DOWN, "ping", Health.UP))), Duration.ofMinutes(190), 13));
        s.add(service("ledger", env(Health.UP, "0.9.1", null, null, Map.of()),
                unreachable("https://ledger.example.com", "HTTP 502 Bad Gateway")));
        s.add(service("catalog", env(Health.UP, "feature-<b>x</b>", null, null, CHECKS), env(Health.UP, "7.0.0", null, null, CHECKS)));
        return report(s);
    }

    /** The service as the history sees it: every finding first seen {@code ago}, by {@code checks} checks in a row. */
    static ServiceReport seen(ServiceReport s, Duration ago, int checks) {
        return s.withFindings(s.findings().stream().map(f -> f.seen(AT.minus(ago), checks)).toList());
    }

    /** Every value a service reports, hostile: versions, commits, check names and error texts. */
    static ParityReport hostileText() {
        List<ServiceReport> s = new ArrayList<>();
        s.add(service("api", env(Health.UP, "2.0.0 " + SLACK_MENTIONS, "4f2a9c1", null, CHECKS),
                env(Health.UP, "1.9.0 " + MENTIONS, "9e8d7c6", null, CHECKS)));
        s.add(service("auth", env(Health.UP, "3.1.0", "1a2b3c4", null, checks("db " + MENTIONS, Health.UP, "ping", Health.UP)),
                env(Health.DOWN, "3.1.0", "1a2b3c4", null, checks(LINK, Health.DOWN, "ping", Health.UP))));
        s.add(service("billing", env(Health.UP, "4.0.0", null, null, CHECKS),
                unreachable("https://billing.example.com", "HTTP 500 " + CLEAR_SCREEN + SLACK_LINK + FAKE_LINE)));
        s.add(service("cart", env(Health.UP, "5.0.0", "4f2a9c1", null, CHECKS),
                env(Health.UP, "5.0.0", RIGHT_TO_LEFT + " " + MENTIONS, null, CHECKS)));
        s.add(service("search", env(Health.UP, "6.1.0\u0007\u007f\u009b31m" + TERMINAL_LINK, null, null, CHECKS),
                env(Health.UP, "6.0.0" + FAKE_LINE, null, null, CHECKS)));
        return report(s);
    }

    /** Same builds on different runtimes, a runtime that arrives with a pending version, one that matches. */
    static ParityReport runtimeParity() {
        Instant built = AT.minus(Duration.ofDays(2));
        List<ServiceReport> s = new ArrayList<>();
        s.add(service("checkout", runs(env(Health.UP, "2.4.0", "4f2a9c1", built, CHECKS), "Java 21.0.5 (Eclipse Adoptium)", null),
                runs(env(Health.UP, "2.4.0", "4f2a9c1", built, CHECKS), "Java 17.0.9 (Eclipse Adoptium)", null)));
        s.add(service("payments", runs(env(Health.UP, "1.9.0", "9e8d7c6", built, CHECKS), "Java 21.0.5", "Quarkus 3.33.2"),
                runs(env(Health.UP, "1.8.3", "4f2a9c1", built, CHECKS), "Java 17.0.12", "Quarkus 3.33.2")));
        s.add(service("search", runs(env(Health.UP, "3.2.0", "1a2b3c4", built, CHECKS), "Java 21.0.5", "Quarkus 3.33.2"),
                runs(env(Health.UP, "3.2.0", "1a2b3c4", built, CHECKS), "Java 21.0.5", "Quarkus 3.30.0 " + MENTIONS)));
        s.add(service("ledger", runs(env(Health.UP, "0.9.1", "5d6e7f8", built, CHECKS), "Java 21.0.5", "Quarkus 3.33.2"),
                runs(env(Health.UP, "0.9.1", "5d6e7f8", built, CHECKS), "Java 21.0.5", "Quarkus 3.33.2")));
        return report(s);
    }

    /** Certificates close to their end, another issuer and an older protocol downstream, one service as it should be. */
    static ParityReport tlsParity() {
        Instant built = AT.minus(Duration.ofDays(2));
        List<ServiceReport> s = new ArrayList<>();
        s.add(service("checkout", served(env(Health.UP, "2.4.0", "4f2a9c1", built, CHECKS), "Let's Encrypt", "TLSv1.3", 60),
                served(env(Health.UP, "2.4.0", "4f2a9c1", built, CHECKS), "Let's Encrypt", "TLSv1.3", 2)));
        s.add(service("payments", served(env(Health.UP, "1.9.0", "9e8d7c6", built, CHECKS), "Let's Encrypt", "TLSv1.3", 70),
                served(env(Health.UP, "1.9.0", "9e8d7c6", built, CHECKS), "Let's Encrypt", "TLSv1.3", 10)));
        s.add(service("search", served(env(Health.UP, "3.2.0", "1a2b3c4", built, CHECKS), "Let's Encrypt", "TLSv1.3", 80),
                served(env(Health.UP, "3.2.0", "1a2b3c4", built, CHECKS), "DigiCert Inc " + MENTIONS, "TLSv1.2", 300)));
        s.add(service("ledger", served(env(Health.UP, "0.9.1", "5d6e7f8", built, CHECKS), "Let's Encrypt", "TLSv1.3", 45),
                served(env(Health.UP, "0.9.1", "5d6e7f8", built, CHECKS), "Let's Encrypt", "TLSv1.3", 50)));
        return report(s);
    }

    /** A proxy that drops headers downstream, a server that tells its version, one service alike everywhere. */
    static ParityReport headersParity() {
        Instant built = AT.minus(Duration.ofDays(2));
        HeaderChecklist full = new HeaderChecklist(List.of("Strict-Transport-Security", "Content-Security-Policy",
                "X-Frame-Options"), List.of(), Map.of());
        List<ServiceReport> s = new ArrayList<>();
        s.add(service("checkout", env(Health.UP, "2.4.0", "4f2a9c1", built, CHECKS).withSecurityHeaders(full),
                env(Health.UP, "2.4.0", "4f2a9c1", built, CHECKS).withSecurityHeaders(new HeaderChecklist(
                        List.of("Strict-Transport-Security"), List.of("Content-Security-Policy", "X-Frame-Options"), Map.of()))));
        s.add(service("search", env(Health.UP, "3.2.0", "1a2b3c4", built, CHECKS).withSecurityHeaders(full),
                env(Health.UP, "3.2.0", "1a2b3c4", built, CHECKS).withSecurityHeaders(new HeaderChecklist(full.present(), List.of(),
                        Map.of("Server", "nginx/1.25.3 " + MENTIONS)))));
        s.add(service("ledger", env(Health.UP, "0.9.1", "5d6e7f8", built, CHECKS).withSecurityHeaders(full),
                env(Health.UP, "0.9.1", "5d6e7f8", built, CHECKS).withSecurityHeaders(full)));
        return report(s);
    }

    /** A migration missing downstream, an edited one, a failed one, one service whose schema could not be read. */
    static ParityReport schemaParity() {
        Instant built = AT.minus(Duration.ofDays(2));
        Migration v1 = new Migration("V1", "V1 init", "-156244537", true, false, true);
        Migration v2 = new Migration("V2", "V2 add orders", "1250113581", true, false, true);
        Migration v3 = new Migration("V3", "V3 add tax column", "98127231", true, false, true);
        List<ServiceReport> s = new ArrayList<>();
        s.add(service("checkout", env(Health.UP, "2.4.0", "4f2a9c1", built, CHECKS).withSchema(flyway(v1, v2, v3)),
                env(Health.UP, "2.4.0", "4f2a9c1", built, CHECKS).withSchema(flyway(v1, v2,
                        new Migration("V3", "V3 add tax column", "98127231", false, false, true)))));
        s.add(service("payments", env(Health.UP, "1.9.0", "9e8d7c6", built, CHECKS).withSchema(flyway(v1, v2)),
                env(Health.UP, "1.9.0", "9e8d7c6", built, CHECKS).withSchema(flyway(v1,
                        new Migration("V2", "V2 add orders " + MENTIONS, "-4021", true, false, true)))));
        s.add(service("orders", env(Health.UP, "3.0.0", "1a2b3c4", built, CHECKS).withSchema(flyway(v1, v2)),
                env(Health.UP, "3.0.0", "1a2b3c4", built, CHECKS).withSchema(flyway(v1,
                        new Migration("V2", "V2 add orders", "1250113581", false, true, true)))));
        s.add(service("ledger", env(Health.UP, "0.9.1", "5d6e7f8", built, CHECKS).withSchema(flyway(v1)),
                env(Health.UP, "0.9.1", "5d6e7f8", built, CHECKS).withSchema(SchemaReport.failed("flyway",
                        "https://ledger.example.com/actuator/flyway", "HTTP 404 Not Found"))));
        return report(s);
    }

    private static SchemaReport flyway(Migration... migrations) {
        List<Migration> all = List.of(migrations);
        List<Migration> applied = all.stream().filter(Migration::applied).toList();
        return new SchemaReport("flyway", "https://svc.example.com/actuator/flyway",
                applied.isEmpty() ? null : applied.get(applied.size() - 1).label(), applied.size(),
                (int) all.stream().filter(m -> !m.applied() && !m.failed()).count(),
                all.stream().filter(Migration::failed).map(Migration::label).toList(), null, all);
    }

    private static EnvironmentReport served(EnvironmentReport e, String issuedBy, String protocol, int daysLeft) {
        return e.withTls(new TlsReport(protocol, "CN=svc.example.com", List.of("svc.example.com"), "CN=R11,O=" + issuedBy + ",C=US",
                issuedBy, AT.plus(Duration.ofDays(daysLeft))));
    }

    private static EnvironmentReport runs(EnvironmentReport e, String java, String framework) {
        Map<String, String> runtime = new LinkedHashMap<>();
        runtime.put("java", java);
        if (framework != null) {
            runtime.put("framework", framework);
        }
        return e.withRuntime(runtime);
    }

    private static Map<String, Health> checks(String a, Health ha, String b, Health hb) {
        Map<String, Health> checks = new LinkedHashMap<>();
        checks.put(a, ha);
        checks.put(b, hb);
        return checks;
    }

    static ParityReport allUnreachable() {
        List<ServiceReport> s = new ArrayList<>();
        for (String name : List.of("checkout", "payments", "search", "inventory", "ledger")) {
            s.add(service(name, unreachable("https://" + name + ".staging.example.com", "timed out after 5s"),
                    unreachable("https://" + name + ".example.com", "connection refused by " + name + ".example.com:443")));
        }
        return report(s);
    }

    static ParityReport drifting(int n) {
        List<ServiceReport> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = String.format("service-%03d", i);
            Instant built = AT.minus(Duration.ofHours(10 + i));
            s.add(service(name, env(Health.UP, "1." + (i % 7 + 1) + ".0", null, built, CHECKS),
                    env(Health.UP, "1.0." + i, null, null, CHECKS)));
        }
        return report(s);
    }
}
