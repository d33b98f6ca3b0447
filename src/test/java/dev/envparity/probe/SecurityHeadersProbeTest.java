package dev.envparity.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.envparity.compare.EnvironmentComparator;
import dev.envparity.config.CheckPlan.ProbeSettings;
import dev.envparity.config.ServiceSpec;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Finding;
import dev.envparity.report.HeaderChecklist;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;
import dev.envparity.report.Status;
import dev.envparity.testing.Fixtures;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import dev.envparity.testing.TestCertificates;
import dev.envparity.testing.TestCertificates.Authority;
import dev.envparity.testing.TestPlans;
import io.vertx.core.Vertx;

/** The security header checklist, read from the answers the probes already get, against real HTTP(S) servers. */
class SecurityHeadersProbeTest {
    private static final Vertx VERTX = Vertx.vertx();
    private static final ProbeSettings DEFAULTS = new ProbeSettings(16, 1024 * 1024, 5, null, null);
    @TempDir
    static Path dir;
    private final List<StubServer> servers = new ArrayList<>();

    @AfterAll
    static void closeVertx() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    @AfterEach
    void stop() {
        servers.forEach(StubServer::close);
    }

    /** Both endpoints answer with the same headers, as behind one load balancer. */
    private StubServer serving(StubServer s, String... headers) {
        Reply health = Reply.json(200, Fixtures.read("health/spring-boot-up.json"));
        Reply info = Reply.json(200, Fixtures.read("version/spring-boot-info-simple.json"));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            health.header(headers[i], headers[i + 1]);
            info.header(headers[i], headers[i + 1]);
        }
        servers.add(s.on("/actuator/health", health).on("/actuator/info", info));
        return s;
    }

    private static ServiceReport judge(Prober prober, ServiceSpec spec) {
        Map<String, EnvironmentReport> results = prober.probeAll(List.of(spec), List.of("staging", "production")).get(spec.name());
        return new EnvironmentComparator(Duration.ofHours(72)).judge(spec.name(), results, Instant.now());
    }

    @Test
    void aProxyThatDropsHeadersAndAServerThatTellsItsVersion() {
        StubServer staging = serving(StubServer.http(), "Content-Security-Policy", "default-src 'self'", "X-Frame-Options", "DENY",
                "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer", "Permissions-Policy", "camera=()",
                "Server", "envoy");
        StubServer production = serving(StubServer.http(), "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer",
                "Permissions-Policy", "camera=()", "Server", "nginx/1.25.3", "X-Powered-By", "PHP/8.1.2");
        ServiceReport r = judge(new Prober(VERTX, DEFAULTS), TestPlans.service("spring-boot", staging.url(), production.url()));

        HeaderChecklist prod = r.environments().get("production").securityHeaders();
        // Over plain http, Strict-Transport-Security is not looked for (RFC 6797 §7.2).
        assertEquals(List.of("X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"), prod.present());
        assertEquals(List.of("Content-Security-Policy", "X-Frame-Options"), prod.missing());
        assertEquals(Map.of("Server", "nginx/1.25.3", "X-Powered-By", "PHP/8.1.2"), prod.versionLeaks());
        assertEquals(Map.of(), r.environments().get("staging").securityHeaders().versionLeaks());

        assertEquals(Status.MISMATCH, r.status());
        assertEquals(Severity.WARNING, r.severity());
        Finding f = r.findings().get(0);
        assertEquals(Finding.Kind.HEADERS_MISMATCH, f.kind());
        assertEquals("security headers differ: production lacks Content-Security-Policy, X-Frame-Options that staging sends; "
                + "production's Server reveals nginx/1.25.3, staging's does not; production's X-Powered-By reveals PHP/8.1.2, "
                + "staging's does not", f.message());
    }

    @Test
    void overHttpsStrictTransportSecurityCountsAndFrameAncestorsStandsForXFrameOptions() {
        Authority ca = TestCertificates.authority("Acme Trust", "Acme Root R1");
        StubServer staging = serving(StubServer.https(TestCertificates.server(ca, Duration.ofDays(90))),
                "Strict-Transport-Security", "max-age=31536000", "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        StubServer production = serving(StubServer.https(TestCertificates.server(ca, Duration.ofDays(90))),
                "Content-Security-Policy", "default-src 'self'", "X-Frame-Options", "SAMEORIGIN",
                // max-age=0 tells browsers to forget HSTS: switched off, not sent (RFC 6797 §6.1.1).
                "Strict-Transport-Security", "max-age=0");
        Prober prober = new Prober(VERTX, new ProbeSettings(16, 1024 * 1024, 5, TestCertificates.trustStore(dir, ca).toString(),
                TestCertificates.PASSWORD));
        ServiceReport r = judge(prober, TestPlans.service("spring-boot", staging.url(), production.url(), "security-headers",
                "Strict-Transport-Security,Content-Security-Policy,X-Frame-Options"));
        assertEquals(List.of("Strict-Transport-Security", "Content-Security-Policy", "X-Frame-Options"),
                r.environments().get("staging").securityHeaders().present());
        assertEquals(List.of("security headers differ: production lacks Strict-Transport-Security that staging sends"),
                r.findings().stream().map(Finding::message).toList());
    }

    @Test
    void theSameHeadersEverywhereOrTheChecklistOffIsNoFinding() {
        StubServer a = serving(StubServer.http(), "X-Content-Type-Options", "nosniff", "Server", "nginx/1.25.3");
        StubServer b = serving(StubServer.http(), "x-content-type-options", "nosniff", "Server", "nginx/1.24.0");
        Prober prober = new Prober(VERTX, DEFAULTS);
        assertEquals(List.of(), judge(prober, TestPlans.service("spring-boot", a.url(), b.url())).findings());

        StubServer c = serving(StubServer.http(), "Content-Security-Policy", "default-src 'self'");
        ServiceSpec off = TestPlans.service("spring-boot", c.url(), b.url(), "security-headers", "none");
        ServiceReport r = judge(prober, off);
        assertEquals(List.of(), r.findings());
        assertNull(r.environments().get("staging").securityHeaders());
    }
}
