package dev.envparity.probe.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.envparity.probe.http.ProbeFailure;
import dev.envparity.report.Health;
import dev.envparity.testing.Fixtures;

class HealthParserTest {

    @ParameterizedTest(name = "{0} (HTTP {1})")
    @CsvSource(delimiter = '|', textBlock = """
            spring-boot-up.json              | 200 | application/vnd.spring-boot.actuator.v3+json | UP       | db=UP; db/primary=UP; db/reporting=UP; diskSpace=UP; livenessState=UP; ping=UP; readinessState=UP
            spring-boot-down.json            | 503 | application/vnd.spring-boot.actuator.v3+json | DOWN     | db=DOWN; diskSpace=UP; ping=UP
            spring-boot-out-of-service.json  | 503 | application/json                             | DOWN     | maintenance=DOWN; ping=UP
            spring-boot-unknown.json         | 200 | application/json                             | UNKNOWN  | ''
            spring-boot-1x.json              | 200 | application/json                             | UP       | diskSpace=UP; db=UP
            microprofile-up.json             | 200 | application/json                             | UP       | Database connections health check=UP; SmallRye Reactive Messaging - readiness check=UP
            microprofile-down.json           | 503 | application/json                             | DOWN     | Database connections health check=DOWN; Redis connection health check=UP
            microprofile-1.0.json            | 503 | application/json                             | DOWN     | disk=UP; queue=DOWN
            health-json-pass.json            | 200 | application/health+json                      | UP       | cassandra:responseTime=UP; uptime=UP
            health-json-warn.json            | 200 | application/health+json                      | DEGRADED | memory:utilization=DEGRADED; uptime=UP
            health-json-fail.json            | 503 | application/health+json                      | DOWN     | cassandra:responseTime=DOWN
            aspnet-degraded.json             | 200 | application/json                             | DEGRADED | sqlserver=UP; redis=DEGRADED
            aspnet-healthy.txt               | 200 | text/plain                                   | UP       | ''
            aspnet-degraded.txt              | 200 | text/plain                                   | DEGRADED | ''
            aspnet-unhealthy.txt             | 503 | text/plain                                   | DOWN     | ''
            dockerflow-heartbeat.json        | 200 | application/json                             | DEGRADED | check_database_connected=UP; check_migrations_applied=DEGRADED
            kubernetes-ok.txt                | 200 | text/plain; charset=utf-8                    | UP       | ''
            kubernetes-verbose-passed.txt    | 200 | text/plain; charset=utf-8                    | UP       | ping=UP; etcd=UP
            kubernetes-verbose-failed.txt    | 500 | text/plain; charset=utf-8                    | DOWN     | ping=UP; log=UP; etcd=DOWN; poststarthook/start-kube-apiserver-admission-initializer=UP
            """)
    void readsEveryKnownFormat(String fixture, int status, String contentType, Health expected, String checks) {
        HealthReading reading = HealthParser.read(Fixtures.response(status, contentType, Fixtures.read("health/" + fixture)));
        assertEquals(expected, reading.health());
        String actual = reading.checks().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        assertEquals(checks, actual);
    }

    @Test
    void aDownServiceAnswering503WithItsReportIsDownNotUnreachable() {
        var response = Fixtures.response(503, "application/json", Fixtures.read("health/spring-boot-down.json"));
        assertTrue(HealthParser.isHealthDocument(response));
        assertEquals(Health.DOWN, HealthParser.read(response).health());
    }

    @Test
    void bare503IsARetryableFailure() {
        var e = assertThrows(ProbeFailure.class,
                () -> HealthParser.read(Fixtures.response(503, "text/html", "<h1>Service Unavailable</h1>")));
        assertEquals("HTTP 503 Service Unavailable", e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void notFoundIsAConfigurationProblemNotRetried() {
        var e = assertThrows(ProbeFailure.class,
                () -> HealthParser.read(Fixtures.response(404, "application/json", "{\"status\":404}")));
        assertEquals("HTTP 404 Not Found", e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void anHtmlPageIsNotAHealthDocumentEvenWith200() {
        var e = assertThrows(ProbeFailure.class,
                () -> HealthParser.read(Fixtures.response(200, "text/html; charset=utf-8", Fixtures.read("health/spa-index.html"))));
        assertTrue(e.getMessage().contains("HTML page"), e.getMessage());
    }

    @Test
    void onlyAnEmptyBodyOrAStatusWordIsUpWithoutADocument() {
        assertEquals(Health.UP, HealthParser.read(Fixtures.response(200, "text/plain", "pong")).health());
        assertEquals(Health.UP, HealthParser.read(Fixtures.response(204, "text/plain", "")).health());
        assertEquals("health body is JSON but not a health document (no \"status\" field)", assertThrows(ProbeFailure.class,
                () -> HealthParser.read(Fixtures.response(200, "application/json", "{\"uptime\":12}"))).getMessage());
        assertEquals("health body is not a health document: \"I am fine\" (text/plain)", assertThrows(ProbeFailure.class,
                () -> HealthParser.read(Fixtures.response(200, "text/plain", "I am fine"))).getMessage());
    }

    @Test
    void malformedJsonOn5xxIsAFailure() {
        assertThrows(ProbeFailure.class, () -> HealthParser.read(Fixtures.response(500, "application/json", "{\"status\":")));
    }
}
