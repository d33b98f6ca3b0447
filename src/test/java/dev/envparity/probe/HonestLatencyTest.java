package dev.envparity.probe;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.envparity.config.CheckPlan.ProbeSettings;
import dev.envparity.config.ServiceSpec;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.testing.Fixtures;
import dev.envparity.testing.SlowStartProxy;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import dev.envparity.testing.TestPlans;
import io.vertx.core.Vertx;

/**
 * {@code latencyMs} is the service's answer on the wire — from sending the request on an open connection to the
 * last byte — not the time spent opening the connection or waiting for one. Behaviour with generous bounds under
 * load, not a timing benchmark (bench/ measures).
 */
class HonestLatencyTest {
    private static final Vertx VERTX = Vertx.vertx();
    private static final long SERVICE_MS = 150;

    @AfterAll
    static void closeVertx() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    private static StubServer answeringAfter(StubServer stub, long millis) {
        return stub.on("/actuator/health", Reply.json(200, Fixtures.read("health/spring-boot-up.json")).delay(millis))
                .on("/actuator/info", Reply.json(200, Fixtures.read("version/spring-boot-info-simple.json")).delay(millis));
    }

    private static String stubTrustStore() throws URISyntaxException {
        return Path.of(HonestLatencyTest.class.getResource("/tls/stub-trust.p12").toURI()).toString();
    }

    /** A TLS handshake that takes two seconds is connection set-up; the service itself answers in 150 ms. */
    @Test
    void aSlowConnectionSetUpIsNotTheServicesLatency() throws Exception {
        try (StubServer stub = answeringAfter(StubServer.https(), SERVICE_MS);
                SlowStartProxy slowHandshake = new SlowStartProxy(stub.port(), 2000)) {
            String base = "https://127.0.0.1:" + slowHandshake.port();
            ServiceSpec spec = TestPlans.service("spring-boot", base, base, "timeout", "20s");
            Prober prober = new Prober(VERTX, new ProbeSettings(16, 1024 * 1024, 5, stubTrustStore(), "changeit"));

            EnvironmentReport r = prober.probe(spec, "staging").join();

            assertNull(r.error());
            assertTrue(r.latencyMs() >= SERVICE_MS, "at least the service's own time: " + r.latencyMs());
            assertTrue(r.latencyMs() < 1500, "the handshake is not the service's latency: " + r.latencyMs() + " ms");
        }
    }

    /** Warm (the code compiled, connections open), the figure is the stub's latency give or take a few ms. */
    @Test
    void aWarmProbeReportsTheServicesOwnLatency() {
        try (StubServer stub = answeringAfter(StubServer.http(), SERVICE_MS)) {
            ServiceSpec spec = TestPlans.service("spring-boot", stub.url(), stub.url());
            Prober prober = new Prober(VERTX, new ProbeSettings(16, 1024 * 1024, 5, null, null));
            for (int i = 0; i < 5; i++) {
                prober.probe(spec, "staging").join();
            }
            EnvironmentReport r = prober.probe(spec, "staging").join();

            assertNull(r.error());
            assertTrue(r.latencyMs() >= SERVICE_MS && r.latencyMs() < SERVICE_MS + 250,
                    "a " + SERVICE_MS + " ms service, measured " + r.latencyMs() + " ms");
        }
    }
}
