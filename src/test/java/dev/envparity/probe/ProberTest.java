package dev.envparity.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.envparity.config.CheckPlan.ProbeSettings;
import dev.envparity.config.ServiceSpec;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Health;
import dev.envparity.testing.Fixtures;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import dev.envparity.testing.TestPlans;
import io.vertx.core.Vertx;

/** The prober against real HTTP servers on ephemeral ports: every fault a probe can meet. */
class ProberTest {
    private static final ProbeSettings DEFAULTS = new ProbeSettings(256, 1024 * 1024, 5, null, null);
    private static final Vertx VERTX = Vertx.vertx();
    private final List<StubServer> servers = new ArrayList<>();

    @AfterAll
    static void closeVertx() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    @AfterEach
    void stop() {
        servers.forEach(StubServer::close);
    }

    private StubServer http() {
        StubServer s = StubServer.http();
        servers.add(s);
        return s;
    }

    private static ServiceSpec spring(StubServer s, String... extra) {
        return TestPlans.service("spring-boot", s.url(), s.url(), extra);
    }

    private static EnvironmentReport probe(ServiceSpec spec) {
        return new Prober(VERTX, DEFAULTS).probe(spec, "staging").join();
    }

    private static Reply springUp() {
        return Reply.json(200, Fixtures.read("health/spring-boot-up.json"));
    }

    private static Reply springInfo() {
        return Reply.json(200, Fixtures.read("version/spring-boot-info-simple.json"));
    }

    @Test
    void readsHealthAndVersionAndSendsConfiguredHeaders() {
        StubServer s = http().on("/actuator/health", springUp()).on("/actuator/info", springInfo());
        EnvironmentReport r = probe(spring(s, "headers.Authorization", "Bearer t0ken", "compare", "/java/version"));
        assertNull(r.error());
        assertEquals(Health.UP, r.health());
        assertEquals("2.4.0", r.version());
        assertEquals("4f2a9c1", r.commit());
        assertEquals(Map.of("health", 200, "version", 200), r.http());
        assertEquals(Map.of("/java/version", "21.0.5"), r.compare());
        assertEquals(s.url("/actuator/health"), r.healthUrl());
        StubServer.Request request = s.requests("/actuator/health").get(0);
        assertEquals("Bearer t0ken", request.header("Authorization"));
        assertEquals("envparity", request.header("User-Agent"));
        assertTrue(request.header("Accept").startsWith("application/json"));
    }

    @Test
    void aHangingEndpointCostsItsTimeoutAndNoMore() {
        StubServer s = http().on("/actuator/health", Reply.hang()).on("/actuator/info", springInfo());
        EnvironmentReport r = probe(spring(s, "timeout", "300ms"));
        assertEquals("health " + s.url("/actuator/health") + ": timed out after 300ms", r.error());
        assertEquals(Health.UNKNOWN, r.health());
        assertEquals("2.4.0", r.version(), "the version endpoint still answered");
        // About its timeout (timers and clocks may differ by a millisecond or two), never the retry budget or more.
        assertTrue(r.latencyMs() >= 250 && r.latencyMs() < 3000, "latency " + r.latencyMs());
        assertEquals(1, s.requests("/actuator/health").size(), "a timeout spends the budget: no retry");
    }

    @Test
    void refusedConnection() {
        int port = StubServer.closedPort();
        EnvironmentReport r = probe(TestPlans.service("spring-boot", "http://127.0.0.1:" + port, "http://127.0.0.1:" + port));
        assertEquals("http://127.0.0.1:" + port + ": connection refused by 127.0.0.1:" + port, r.error());
    }

    @Test
    void unknownHost() {
        EnvironmentReport r = probe(TestPlans.service("spring-boot", "http://envparity-no-such-host.invalid",
                "http://envparity-no-such-host.invalid"));
        assertEquals("http://envparity-no-such-host.invalid: unknown host envparity-no-such-host.invalid", r.error());
    }

    @Test
    void a5xxIsRetriedOnceAndThenSucceeds() {
        StubServer s = http().on("/actuator/health", springUp())
                .on("/actuator/info", Reply.of(503, "text/html", "<h1>busy</h1>"), springInfo());
        EnvironmentReport r = probe(spring(s));
        assertNull(r.error());
        assertEquals("2.4.0", r.version());
        assertEquals(2, s.requests("/actuator/info").size());
    }

    @Test
    void aPersistent5xxIsRetriedOnlyOnce() {
        StubServer s = http().on("/actuator/health", springUp()).on("/actuator/info", Reply.of(502, "text/html", "<h1>bad</h1>"));
        EnvironmentReport r = probe(spring(s));
        assertEquals("version " + s.url("/actuator/info") + ": HTTP 502 Bad Gateway", r.error());
        assertEquals(2, s.requests("/actuator/info").size());
    }

    @Test
    void downWith503BodyIsDownNotUnreachable() {
        StubServer s = http().on("/actuator/health", Reply.json(503, Fixtures.read("health/spring-boot-down.json")))
                .on("/actuator/info", springInfo());
        EnvironmentReport r = probe(spring(s));
        assertNull(r.error());
        assertEquals(Health.DOWN, r.health());
        assertEquals(Health.DOWN, r.checks().get("db"));
        assertEquals(Map.of("health", 503, "version", 200), r.http());
        assertEquals(1, s.requests("/actuator/health").size(), "a health document is an answer: no retry");
    }

    @Test
    void nonJsonVersionDocument() {
        StubServer s = http().on("/actuator/health", springUp())
                .on("/actuator/info", Reply.of(200, "text/html; charset=utf-8", "<html><body>Welcome</body></html>"));
        assertEquals("version " + s.url("/actuator/info") + ": version document is not JSON (text/html)", probe(spring(s)).error());
    }

    @Test
    void anOversizedBodyIsRefusedFromItsContentLength() {
        StubServer s = http().on("/actuator/health", Reply.bytes(200, new byte[2 * 1024 * 1024])).on("/actuator/info", springInfo());
        assertEquals("health " + s.url("/actuator/health") + ": response body is larger than 1 MiB", probe(spring(s)).error());
    }

    @Test
    void anOversizedBodyWithoutContentLengthIsCutOffWhileStreaming() {
        StubServer s = http().on("/actuator/health", springUp())
                .on("/actuator/info", Reply.bytes(200, new byte[2 * 1024 * 1024]).chunked());
        assertEquals("version " + s.url("/actuator/info") + ": response body is larger than 1 MiB", probe(spring(s)).error());
    }

    @Test
    void redirectLoopsEndAfterTheLimit() {
        StubServer s = http().on("/actuator/health", Reply.redirect(302, "/loop-a")).on("/loop-a", Reply.redirect(302, "/loop-b"))
                .on("/loop-b", Reply.redirect(307, "/loop-a")).on("/actuator/info", springInfo());
        EnvironmentReport r = probe(spring(s));
        assertTrue(r.error().startsWith("health " + s.url("/actuator/health") + ": more than 5 redirects"), r.error());
        assertEquals(6, s.requests().stream().filter(q -> !q.path().equals("/actuator/info")).count());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            file:///etc/passwd?x=1                                | file:///etc/passwd
            FILE:/etc/shadow                                      | FILE:///etc/shadow
            ftp://user:pa55word@files.example.com/pub/h?token=s3c | ftp://files.example.com/pub/h
            javascript:alert(document.cookie)                     | javascript:…
            data:text/plain,ok                                    | data:…
            """)
    void redirectsToOtherSchemesAreRefusedAndRedacted(String location, String shown) {
        StubServer s = http().on("/actuator/health", Reply.redirect(302, location)).on("/actuator/info", springInfo());
        EnvironmentReport r = probe(spring(s));
        assertEquals("health " + s.url("/actuator/health") + ": refused redirect to " + shown, r.error());
        assertEquals(Health.UNKNOWN, r.health());
    }

    @Test
    void credentialsFollowRedirectsOnlyWithinTheSameOrigin() {
        StubServer other = http().on("/health", springUp());
        StubServer s = http().on("/actuator/health", Reply.redirect(301, other.url("/health")))
                .on("/actuator/info", Reply.redirect(302, "/v2/info")).on("/v2/info", springInfo());
        EnvironmentReport r = probe(spring(s, "headers.Authorization", "Bearer t0ken"));
        assertNull(r.error());
        assertNull(other.requests("/health").get(0).header("Authorization"), "the token must not leave the origin");
        assertEquals("Bearer t0ken", s.requests("/v2/info").get(0).header("Authorization"));
    }

    @Test
    void untrustedCertificateIsATlsError() {
        StubServer tls = StubServer.https().on("/actuator/health", springUp()).on("/actuator/info", springInfo());
        servers.add(tls);
        EnvironmentReport r = probe(spring(tls));
        assertEquals(tls.url() + ": TLS error: certificate not trusted (add its CA with parity.probe.trust-store)", r.error());
    }

    @Test
    void aConfiguredTrustStoreMakesTheCertificateTrusted() throws Exception {
        StubServer tls = StubServer.https().on("/actuator/health", springUp()).on("/actuator/info", springInfo());
        servers.add(tls);
        String trustStore = Path.of(ProberTest.class.getResource("/tls/stub-trust.p12").toURI()).toString();
        Prober prober = new Prober(VERTX, new ProbeSettings(16, 1024 * 1024, 5, trustStore, "changeit"));
        EnvironmentReport r = prober.probe(spring(tls), "staging").join();
        assertNull(r.error());
        assertEquals("2.4.0", r.version());
    }

    @Test
    void allPairsAreProbedAtOnce() {
        StubServer s = http().on("/actuator/health", springUp().delay(1000)).on("/actuator/info", springInfo().delay(1000));
        List<ServiceSpec> services = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            services.add(spring(s));
        }
        new Prober(VERTX, DEFAULTS).probeAll(services, List.of("staging", "production"));
        assertEquals(80, s.maxInFlight(), "20 services x 2 environments x 2 endpoints, all in flight together");
    }

    @Test
    void concurrencyIsBounded() {
        StubServer s = http().on("/actuator/health", springUp().delay(50)).on("/actuator/info", springInfo().delay(50));
        List<ServiceSpec> services = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            services.add(spring(s));
        }
        new Prober(VERTX, new ProbeSettings(3, 1024 * 1024, 5, null, null)).probeAll(services, List.of("staging", "production"));
        assertEquals(40, s.requests().size());
        assertTrue(s.maxInFlight() <= 3, "in flight: " + s.maxInFlight());
    }
}
