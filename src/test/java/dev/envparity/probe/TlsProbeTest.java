package dev.envparity.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.envparity.compare.EnvironmentComparator;
import dev.envparity.config.CheckPlan.ProbeSettings;
import dev.envparity.config.ServiceSpec;
import dev.envparity.config.TlsRules;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Finding;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;
import dev.envparity.report.Status;
import dev.envparity.report.TlsReport;
import dev.envparity.testing.Fixtures;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import dev.envparity.testing.TestCertificates;
import dev.envparity.testing.TestCertificates.Authority;
import dev.envparity.testing.TestPlans;
import io.vertx.core.Vertx;

/**
 * The certificate and protocol each https environment serves, read from the probe's own connection, against real
 * loopback TLS servers with certificates made here: two CAs, near and far expiry, TLS 1.2 and 1.3. The probe trusts
 * the CAs through a trust store, as a user with an internal CA does; nothing is trusted blindly.
 */
class TlsProbeTest {
    private static final Vertx VERTX = Vertx.vertx();
    private static Authority acme;
    private static Authority globex;
    @TempDir
    static Path dir;
    private final List<StubServer> servers = new ArrayList<>();

    @BeforeAll
    static void authorities() {
        acme = TestCertificates.authority("Acme Trust", "Acme Root R1");
        globex = TestCertificates.authority("Globex PKI", "Globex Issuing CA 2");
    }

    @AfterAll
    static void closeVertx() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    @AfterEach
    void stop() {
        servers.forEach(StubServer::close);
    }

    private StubServer https(Authority ca, Duration validFor, String... protocols) {
        StubServer s = StubServer.https(TestCertificates.server(ca, validFor), protocols)
                .on("/actuator/health", Reply.json(200, Fixtures.read("health/spring-boot-up.json")))
                .on("/actuator/info", Reply.json(200, Fixtures.read("version/spring-boot-info-simple.json")));
        servers.add(s);
        return s;
    }

    private static Prober prober(Authority... trusted) {
        return new Prober(VERTX, new ProbeSettings(16, 1024 * 1024, 5, TestCertificates.trustStore(dir, trusted).toString(),
                TestCertificates.PASSWORD));
    }

    private static Map<String, EnvironmentReport> probeBoth(Prober prober, ServiceSpec spec) {
        return prober.probeAll(List.of(spec), List.of("staging", "production")).get(spec.name());
    }

    @Test
    void theServedCertificateAndProtocolFromTheProbesOwnConnection() {
        StubServer s = https(acme, Duration.ofDays(400));
        EnvironmentReport r = prober(acme).probe(TestPlans.service("spring-boot", s.url(), s.url()), "staging").join();
        assertNull(r.error());
        TlsReport tls = r.tls();
        assertNotNull(tls);
        assertEquals("TLSv1.3", tls.protocol());
        assertEquals("CN=localhost", tls.subject());
        assertEquals(List.of("127.0.0.1", "localhost"), tls.names());
        assertEquals("O=Acme Trust,CN=Acme Root R1", tls.issuer());
        assertEquals("Acme Trust", tls.issuedBy());
        Duration left = Duration.between(Instant.now(), tls.notAfter());
        assertTrue(left.compareTo(Duration.ofDays(399)) > 0 && left.compareTo(Duration.ofDays(401)) < 0, left::toString);
        // Health and version each went over TLS; no request was made for the certificate alone.
        assertEquals(1, s.requests("/actuator/health").size());
        assertEquals(1, s.requests("/actuator/info").size());
    }

    @Test
    void nearExpiryOtherIssuerAndOlderProtocolAreFindings() {
        StubServer staging = https(acme, Duration.ofDays(10));
        StubServer production = https(globex, Duration.ofHours(50), "TLSv1.2");
        ServiceSpec spec = TestPlans.service("spring-boot", staging.url(), production.url());
        Map<String, EnvironmentReport> results = probeBoth(prober(acme, globex), spec);
        assertEquals("TLSv1.2", results.get("production").tls().protocol());

        ServiceReport report = new EnvironmentComparator(Duration.ofHours(72), TlsRules.DEFAULTS).judge("checkout", results,
                Instant.now());
        assertEquals(Status.CERTIFICATE_EXPIRING, report.status());
        assertEquals(Severity.CRITICAL, report.severity());
        List<String> messages = report.findings().stream().map(Finding::message).toList();
        assertEquals(4, messages.size(), messages::toString);
        assertTrue(messages.get(0).matches("production's certificate expires in 2d( [12]h)? \\(\\d{4}-\\d\\d-\\d\\d, issued by "
                + "Globex PKI\\)"), messages::toString);
        assertTrue(messages.get(1).matches("staging's certificate expires in (9d 23h|10d) \\(\\d{4}-\\d\\d-\\d\\d, issued by "
                + "Acme Trust\\)"), messages::toString);
        assertEquals(Severity.WARNING, report.findings().get(1).severity());
        assertEquals(List.of("production's certificate is issued by Globex PKI, staging's by Acme Trust",
                "production negotiates TLSv1.2, staging TLSv1.3"), messages.subList(2, 4));
        assertEquals(List.of(Finding.Kind.TLS_MISMATCH, Finding.Kind.TLS_MISMATCH),
                report.findings().subList(2, 4).stream().map(Finding::kind).toList());
        assertEquals(Severity.INFO, report.findings().get(2).severity());
    }

    @Test
    void aCertificateFromAnUntrustedAuthorityFailsTheProbe() {
        StubServer s = https(globex, Duration.ofDays(400));
        EnvironmentReport r = prober(acme).probe(TestPlans.service("spring-boot", s.url(), s.url()), "staging").join();
        assertNotNull(r.error());
        assertNull(r.tls());
    }

    @Test
    void offForTheServiceOrEverywhereAndNothingOverHttp() {
        StubServer s = https(acme, Duration.ofDays(2));
        Prober prober = prober(acme);
        assertNull(prober.probe(TestPlans.service("spring-boot", s.url(), s.url(), "tls", "false"), "staging").join().tls());
        ServiceSpec off = TestPlans.plan(Map.of("parity.environments", "staging,production", "parity.tls.enabled", "false",
                "parity.services.svc.urls.staging", s.url(), "parity.services.svc.urls.production", s.url())).services().get(0);
        assertNull(prober.probe(off, "staging").join().tls());

        StubServer plain = StubServer.http().on("/actuator/health", Reply.json(200, Fixtures.read("health/spring-boot-up.json")))
                .on("/actuator/info", Reply.json(200, Fixtures.read("version/spring-boot-info-simple.json")));
        servers.add(plain);
        EnvironmentReport r = prober.probe(TestPlans.service("spring-boot", plain.url(), plain.url()), "staging").join();
        assertNull(r.error());
        assertNull(r.tls());
    }
}
