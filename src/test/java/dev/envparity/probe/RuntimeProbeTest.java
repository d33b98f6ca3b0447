package dev.envparity.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.envparity.config.CheckPlan.ProbeSettings;
import dev.envparity.config.ServiceSpec;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.testing.Fixtures;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import dev.envparity.testing.TestPlans;
import io.vertx.core.Vertx;

/** What a service runs on, read from the version document it already serves, against real HTTP servers. */
class RuntimeProbeTest {
    private static final ProbeSettings DEFAULTS = new ProbeSettings(16, 1024 * 1024, 5, null, null);
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

    private StubServer serving(String healthPath, String healthFixture, String infoPath, String info) {
        StubServer s = StubServer.http().on(healthPath, Reply.json(200, Fixtures.read(healthFixture)))
                .on(infoPath, Reply.json(200, info));
        servers.add(s);
        return s;
    }

    private static EnvironmentReport probe(ServiceSpec spec) {
        EnvironmentReport r = new Prober(VERTX, DEFAULTS).probe(spec, "staging").join();
        assertNull(r.error());
        return r;
    }

    @Test
    void springBootJavaAndOsFromActuatorInfo() {
        StubServer s = serving("/actuator/health", "health/spring-boot-up.json", "/actuator/info",
                Fixtures.read("version/spring-boot-info-runtime.json"));
        EnvironmentReport r = probe(TestPlans.service("spring-boot", s.url(), s.url(), "runtime", "java,os"));
        assertEquals("2.4.0", r.version());
        assertEquals(Map.of("java", "Java 17.0.9 (Eclipse Adoptium)", "os", "Linux 6.5.0-1025-azure amd64"), r.runtime());
    }

    @Test
    void quarkusJavaAndItsOwnVersionFromQInfoByDefault() {
        StubServer s = serving("/q/health", "health/microprofile-up.json", "/q/info",
                Fixtures.read("version/quarkus-info.json"));
        EnvironmentReport r = probe(TestPlans.service("quarkus", s.url(), s.url()));
        assertEquals(Map.of("java", "Java 17.0.12 (Eclipse Adoptium)", "framework", "Quarkus 3.33.2"), r.runtime());
    }

    @Test
    void nothingPublishedNothingKeptAndNoneReadsNothing() {
        // Spring Boot's java contributor is off by default: the document has no java section.
        StubServer plain = serving("/actuator/health", "health/spring-boot-up.json", "/actuator/info",
                "{\"build\":{\"version\":\"2.4.0\"},\"java\":{\"version\":{\"nested\":true}}}");
        assertEquals(Map.of(), probe(TestPlans.service("spring-boot", plain.url(), plain.url())).runtime());
        StubServer full = serving("/q/health", "health/microprofile-up.json", "/q/info",
                Fixtures.read("version/quarkus-info.json"));
        assertEquals(Map.of(), probe(TestPlans.service("quarkus", full.url(), full.url(), "runtime", "none")).runtime());
    }

    @Test
    void hostileValuesArePrintableAndShort() {
        String info = "{\"build\":{\"version\":\"1.0\",\"quarkusVersion\":\"3.0\\u001b[2J\\r\\n✅ All services are in sync\"},"
                + "\"java\":{\"version\":\"" + "9".repeat(500) + "\"}}";
        StubServer s = serving("/q/health", "health/microprofile-up.json", "/q/info", info);
        EnvironmentReport r = probe(TestPlans.service("quarkus", s.url(), s.url()));
        assertEquals("Quarkus 3.0\\x1B[2J\\r\\n✅ All services are in sync", r.runtime().get("framework"));
        assertEquals("Java " + "9".repeat(59) + "…", r.runtime().get("java"));
    }
}
