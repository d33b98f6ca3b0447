package dev.envparity.trigger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.testing.Fixtures;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import dev.envparity.trigger.cli.Runner.Run;

/**
 * The user's configuration file as the packaged application reads it: syntax errors, a missing file, precedence of
 * system properties and environment variables over the file, and every problem reported at once, by key, without a
 * value.
 */
class CliConfigIT {
    @TempDir
    Path dir;

    private Path file(String name, String yaml) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml);
        return p;
    }

    private static List<String> with(Path config, String... more) {
        List<String> jvm = new ArrayList<>(List.of("-Dquarkus.config.locations=" + config, "-Dparity.notify.state.store=memory"));
        jvm.addAll(List.of(more));
        return jvm;
    }

    private static void assertNoStackTrace(Run r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace:\n" + r.err());
    }

    @Test
    void yamlSyntaxErrorsExitTwoNamingFileLineAndColumn() throws Exception {
        Map<String, String> cases = Map.of(
                "parity:\n  environments: [staging, production\n  fail-on: never\n", "line 2, column 17",
                "parity:\n  fail-on: \"never\n  environments: [a, b]\n", "line 2, column 12",
                "parity:\n\tfail-on: never\n", "line 2, column 1",
                "parity:\n  fail-on: never\n  environments: [a, b]\n  fail-on: info\n", "line 4, column 3");
        for (var c : cases.entrySet()) {
            Path config = file("broken.yaml", c.getKey());
            Run r = Runner.run(with(config), "check");
            assertEquals(2, r.exit(), c.getKey() + "\n" + r.all());
            assertEquals("", r.out());
            assertTrue(r.err().contains(config + ", line "), c.getKey() + "\n" + r.err());
            assertTrue(r.err().contains(c.getValue()), c.getKey() + "\n" + r.err());
            assertNoStackTrace(r);
        }
    }

    @Test
    void theServerStopsAtStartupWithTheSameMessage() throws Exception {
        Path config = file("broken.yaml", "parity:\n  environments: [staging, production\n");
        Run r = Runner.run(with(config, "-Dquarkus.http.port=0"));
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(config + ", line ") && r.err().contains("line 2, column 17"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void aConfigLocationThatDoesNotExistIsNamed() throws Exception {
        Path missing = dir.resolve("no-such-parity.yaml");
        Run r = Runner.run(with(missing), "check");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("quarkus.config.locations: " + missing + " does not exist"), r.err());
        assertFalse(r.err().contains("no envparity configuration was found"), r.err());
        assertNoStackTrace(r);
    }

    private Path inSync(StubServer staging, StubServer production) throws Exception {
        for (StubServer s : List.of(staging, production)) {
            s.on("/actuator/health", Reply.json(200, Fixtures.read("health/spring-boot-up.json")))
                    .on("/actuator/info", Reply.json(200, Fixtures.read("version/spring-boot-info-simple.json")));
        }
        return file("parity.yaml", "parity:\n"
                + "  environments: [staging, production]\n"
                + "  fail-on: never\n"
                + "  services:\n"
                + "    x:\n"
                + "      timeout: 2s\n"
                + "      urls:\n"
                + "        staging: " + staging.url() + "\n"
                + "        production: " + production.url() + "\n");
    }

    @Test
    void systemPropertiesAndEnvironmentVariablesOverrideTheFile() throws Exception {
        try (StubServer staging = StubServer.http(); StubServer production = StubServer.http()) {
            Path config = inSync(staging, production);
            Run plain = Runner.run(with(config), "check");
            assertEquals(0, plain.exit(), plain.all());
            assertTrue(plain.out().startsWith("envparity: 1 service, staging → production · OK"), plain.out());

            // a scalar: fail-on decides the exit code of an OK report
            assertEquals(1, Runner.run(with(config, "-Dparity.fail-on=ok"), "check").exit());
            assertEquals(1, Runner.run(Map.of("PARITY_FAIL_ON", "ok"), with(config), "check").exit());

            // a nested key: an override out of range is refused, naming the key
            Run nested = Runner.run(with(config, "-Dparity.services.x.timeout=3m"), "check");
            assertEquals(2, nested.exit(), nested.all());
            assertTrue(nested.err().contains("parity.services.x.timeout: must be between"), nested.err());
            nested = Runner.run(Map.of("PARITY_SERVICES_X_TIMEOUT", "3m"), with(config), "check");
            assertEquals(2, nested.exit(), nested.all());
            assertTrue(nested.err().contains("parity.services.x.timeout: must be between"), nested.err());

            // a list: the promotion order
            ObjectMapper json = new ObjectMapper();
            Run list = Runner.run(with(config, "-Dparity.environments=production,staging"), "check", "--json");
            assertEquals(0, list.exit(), list.all());
            assertEquals("[\"production\",\"staging\"]", json.readTree(list.out()).get("environments").toString());
            list = Runner.run(Map.of("PARITY_ENVIRONMENTS", "production,staging"), with(config), "check", "--json");
            assertEquals(0, list.exit(), list.all());
            assertEquals("[\"production\",\"staging\"]", json.readTree(list.out()).get("environments").toString());

            // and a system property beats an environment variable
            Run both = Runner.run(Map.of("PARITY_FAIL_ON", "ok"), with(config, "-Dparity.fail-on=never"), "check");
            assertEquals(0, both.exit(), both.all());
        }
    }

    @Test
    void everyProblemAtOnceByKeyNeverAValue() throws Exception {
        Path config = file("parity.yaml", "parity:\n"
                + "  environments: [staging, production]\n"
                + "  failon: info\n"
                + "  max-promotion-lag: soonish-secret-71\n"
                + "  probe:\n"
                + "    concurrency: lots-secret-72\n"
                + "  api:\n"
                + "    public-badges: yes-secret-73\n"
                + "  schedule:\n"
                + "    cron: \"every secret-74 minutes\"\n"
                + "  hooks:\n"
                + "    generic:\n"
                + "      secret: whsec_not*base64*secret-75\n"
                + "  notify:\n"
                + "    targets:\n"
                + "      hook:\n"
                + "        type: webhook\n"
                + "        url: https://hooks.example.com/x\n"
                + "        secret: whsec_%%secret-76\n"
                + "  services:\n"
                + "    x:\n"
                + "      timout: 2s\n"
                + "      timeout: 5 parsecs secret-77\n"
                + "      urls:\n"
                + "        staging: http://127.0.0.1:1/a\n"
                + "        production: http://127.0.0.1:1/b\n"
                + "      headers:\n"
                + "        Authorization: Bearer ${UNSET_A_1} ${UNSET_B_2}\n"
                + "        X-Other: ${UNSET_C_3}\n"
                + "        X-Fine: ${UNSET_D_4:default}\n");
        Run r = Runner.run(with(config), "check");
        assertEquals(2, r.exit(), r.all());
        assertEquals("", r.out());
        for (String expected : List.of(
                "parity.failon: unknown key; did you mean parity.fail-on?",
                "parity.services.x.timout: unknown key; did you mean parity.services.x.timeout?",
                "parity.max-promotion-lag: not a duration",
                "parity.services.x.timeout: not a duration",
                "parity.probe.concurrency: not a whole number",
                "parity.api.public-badges: must be true or false",
                "parity.schedule.cron: not a cron expression",
                "parity.hooks.generic.secret: not valid base64 after whsec_",
                "parity.notify.targets.hook.secret: not valid base64 after whsec_",
                "parity.services.x.headers.Authorization: ${UNSET_A_1} is not set",
                "parity.services.x.headers.Authorization: ${UNSET_B_2} is not set",
                "parity.services.x.headers.X-Other: ${UNSET_C_3} is not set")) {
            assertTrue(r.err().contains(expected), expected + " in\n" + r.err());
        }
        assertFalse(r.err().contains("UNSET_D_4"), r.err());
        assertFalse(r.err().contains("secret-7"), "no value is ever shown:\n" + r.err());
        assertFalse(r.err().contains("SRCFG"), "our own sentences, not SmallRye's:\n" + r.err());
        assertNoStackTrace(r);
    }

    @Test
    void anInvalidCronStopsTheServerAtStartupNamingTheKey() throws Exception {
        Path config = file("parity.yaml", "parity:\n  environments: [staging, production]\n  schedule:\n    cron: \"0 */15 * * *\"\n"
                + "  services:\n    x:\n      urls: { staging: \"http://127.0.0.1:1/a\", production: \"http://127.0.0.1:1/b\" }\n");
        for (List<String> args : List.of(List.of("check"), List.<String>of())) {
            Run r = Runner.run(with(config, "-Dquarkus.http.port=0"), args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.all());
            assertTrue(r.err().contains("parity.schedule.cron: not a cron expression"), r.err());
            assertNoStackTrace(r);
        }
    }

    @Test
    void aTrustStoreThatCannotBeOpenedStopsStartupNamingTheKeyNotThePassword() throws Exception {
        Path store = dir.resolve("ca.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (OutputStream out = Files.newOutputStream(store)) {
            ks.store(out, "right-password-1".toCharArray());
        }
        Path config = file("parity.yaml", "parity:\n  environments: [staging, production]\n"
                + "  probe:\n    trust-store: " + store + "\n    trust-store-password: wrong-password-secret-9\n"
                + "  services:\n    x:\n      urls: { staging: \"http://127.0.0.1:1/a\", production: \"http://127.0.0.1:1/b\" }\n");
        for (List<String> args : List.of(List.of("check"), List.<String>of())) {
            Run r = Runner.run(with(config, "-Dquarkus.http.port=0"), args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.all());
            assertTrue(r.err().contains("parity.probe.trust-store: cannot open " + store), r.err());
            assertFalse(r.all().contains("wrong-password-secret-9"), r.all());
            assertNoStackTrace(r);
        }
    }
}
