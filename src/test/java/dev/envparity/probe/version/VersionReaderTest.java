package dev.envparity.probe.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envparity.probe.http.ProbeFailure;
import dev.envparity.config.ServiceSpec;
import dev.envparity.testing.Fixtures;
import dev.envparity.testing.TestPlans;

class VersionReaderTest {

    private static VersionReading read(ServiceSpec spec, String fixture) {
        return VersionReader.read(Fixtures.response(200, "application/json", Fixtures.read("version/" + fixture)), false, spec);
    }

    private static ServiceSpec preset(String preset, String... extra) {
        return TestPlans.service(preset, "http://a", "http://b", extra);
    }

    @Test
    void springBootInfoSimpleGitMode() {
        VersionReading r = read(preset("spring-boot", "compare", "/java/version"), "spring-boot-info-simple.json");
        assertEquals("2.4.0", r.version());
        assertEquals("4f2a9c1", r.commit());
        assertEquals(Instant.parse("2026-11-23T09:41:12.345Z"), r.builtAt());
        assertEquals(Map.of("/java/version", "21.0.5"), r.compare());
    }

    @Test
    void springBootInfoFullGitModeTakesTheFullId() {
        VersionReading r = read(preset("spring-boot"), "spring-boot-info-full.json");
        assertEquals("4f2a9c1e7b3d5f6a8c9e0b1d2f3a4b5c6d7e8f90", r.commit());
    }

    @Test
    void gitCommitTimeWithoutColonInOffset() {
        VersionReading r = read(preset("spring-boot", "built-at-pointer", "/git/commit/time"), "spring-boot-info-full.json");
        assertEquals(Instant.parse("2026-11-23T09:30:00Z"), r.builtAt());
    }

    @Test
    void quarkusInfo() {
        VersionReading r = read(preset("quarkus", "compare", "/java/version,/build/quarkusVersion,/missing"), "quarkus-info.json");
        assertEquals("1.9.0", r.version());
        assertEquals("9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d", r.commit());
        assertEquals(Instant.parse("2026-11-25T06:50:02.172345Z"), r.builtAt());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/java/version", "17.0.12");
        expected.put("/build/quarkusVersion", "3.33.2");
        expected.put("/missing", null);
        assertEquals(expected, r.compare());
    }

    @Test
    void dockerflowVersion() {
        VersionReading r = read(preset("dockerflow"), "dockerflow-version.json");
        assertEquals("v3.1.0", r.version());
        assertEquals("9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d", r.commit());
        assertNull(r.builtAt());
    }

    @Test
    void healthJsonVersionAndReleaseIdEvenOn503() {
        var response = Fixtures.response(503, "application/health+json", Fixtures.read("version/health-json.json"));
        VersionReading r = VersionReader.read(response, true, preset("health-json"));
        assertEquals("1", r.version());
        assertEquals("1.2.2", r.commit());
    }

    @Test
    void plainTextVersion() {
        VersionReading r = VersionReader.read(Fixtures.response(200, "text/plain", Fixtures.read("version/plain.txt")), false,
                preset("plain"));
        assertEquals("1.8.2", r.version());
        assertEquals("2.0.1", VersionReader.read(Fixtures.response(200, "application/json", "\"2.0.1\""), false,
                preset("plain")).version());
    }

    @Test
    void epochBuildTimesInSecondsAndMillis() {
        Instant expected = Instant.ofEpochSecond(1764064800);
        assertEquals(expected, read(preset("plain", "version-pointer", "/version", "built-at-pointer", "/builtAt"),
                "epoch-build.json").builtAt());
        assertEquals(expected, read(preset("plain", "version-pointer", "/version", "built-at-pointer", "/builtAtMillis"),
                "epoch-build.json").builtAt());
    }

    @Test
    void versionHeaderIsTheFallback() {
        ServiceSpec spec = preset("spring-boot", "version-header", "X-Version");
        var noVersionInBody = Fixtures.response(200, "application/json", "{\"app\":{}}", "X-Version", "2.5.1");
        assertEquals("2.5.1", VersionReader.read(noVersionInBody, false, spec).version());
        var notJson = Fixtures.response(200, "text/html", "<html></html>", "X-Version", "2.5.1");
        assertEquals("2.5.1", VersionReader.read(notJson, false, spec).version());
        var bodyWins = Fixtures.response(200, "application/json", "{\"build\":{\"version\":\"2.4.0\"}}", "X-Version", "2.5.1");
        assertEquals("2.4.0", VersionReader.read(bodyWins, false, spec).version());
    }

    @Test
    void precisePointerAndFormatErrors() {
        ServiceSpec spring = preset("spring-boot");
        assertEquals("no version at /build/version in the version document",
                assertThrows(ProbeFailure.class, () -> read(spring, "dockerflow-version.json")).getMessage());
        assertEquals("version document is not JSON (text/html)", assertThrows(ProbeFailure.class,
                () -> VersionReader.read(Fixtures.response(200, "text/html; charset=utf-8", "<html>"), false, spring)).getMessage());
        assertEquals("HTTP 500 Internal Server Error", assertThrows(ProbeFailure.class,
                () -> VersionReader.read(Fixtures.response(500, "application/json", "{}"), false, spring)).getMessage());
        assertEquals("version endpoint answered a JSON document; set version-pointer to the field that holds the version",
                assertThrows(ProbeFailure.class, () -> read(preset("plain"), "dockerflow-version.json")).getMessage());
        assertEquals("version endpoint did not answer a single-line version (text/html)", assertThrows(ProbeFailure.class,
                () -> VersionReader.read(Fixtures.response(200, "text/html", "<html>\n</html>"), false, preset("plain"))).getMessage());
    }
}
