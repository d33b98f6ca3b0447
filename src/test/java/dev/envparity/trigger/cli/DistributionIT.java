package dev.envparity.trigger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.testing.Fixtures;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import dev.envparity.trigger.cli.Runner.Run;

/**
 * The self-contained CLI as a user gets it: target/envparity-&lt;version&gt;-cli.zip or .tar.gz unpacked in a folder
 * of its own, far from the project, and run through bin/envparity — its version, a check against stub services,
 * and stdout that carries only the report even when the class-data sharing archive beside it is stale or foreign.
 */
class DistributionIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    /** The JDK running these tests, for the launcher (JAVA_HOME). */
    private static final String JAVA_HOME = System.getProperty("java.home");
    /** A JDK 25 beside it, where the launcher keeps an AOT cache instead of a class-data sharing archive. */
    private static final Path JDK_25 = Path.of(System.getProperty("envparity.test.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    private static Path zip;
    private static Path tarGz;

    @BeforeAll
    static void findDistribution() throws Exception {
        assumeTrue(Runner.RUNNER.toString().endsWith(".jar"), "the native executable is not packaged as a distribution");
        try (Stream<Path> files = Files.list(TARGET)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().matches("envparity-.+-cli\\.(zip|tar\\.gz)")).sorted().toList();
            assertEquals(2, found.size(), "the build makes target/envparity-<version>-cli.zip and .tar.gz: " + found);
            tarGz = found.get(0);
            zip = found.get(1);
        }
    }

    private static Path unpack(Path archive, Path into) throws Exception {
        List<String> cmd = archive.toString().endsWith(".zip") ? List.of("unzip", "-q", archive.toString(), "-d", into.toString())
                : List.of("tar", "-xzf", archive.toString(), "-C", into.toString());
        Run r = Runner.exec(cmd, Map.of(), null);
        assertEquals(0, r.exit(), r.all());
        try (Stream<Path> dirs = Files.list(into)) {
            Path home = dirs.filter(d -> d.getFileName().toString().startsWith("envparity-")).findFirst().orElseThrow();
            return home.resolve("bin/envparity");
        }
    }

    /** bin/envparity, run from {@code cwd} with the archive kept in {@code cache}, written by the first check. */
    private static Run launch(Path launcher, Path cwd, Path cache, String... args) throws Exception {
        return launch(JAVA_HOME, launcher, cwd, cache, args);
    }

    private static Run launch(String javaHome, Path launcher, Path cwd, Path cache, String... args) throws Exception {
        return launch(Map.of("ENVPARITY_CDS", "on", "JAVA_HOME", javaHome), launcher, cwd, cache, args);
    }

    private static Run launch(Map<String, String> env, Path launcher, Path cwd, Path cache, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("JAVA_HOME", JAVA_HOME);
        all.put("ENVPARITY_CACHE_DIR", cache.toString());
        return Runner.exec(cmd, all, cwd);
    }

    /** The JVMs to run the launcher on: the one running the tests, and a JDK 25 when this machine has one. */
    static Stream<String> jvms() {
        return Files.isExecutable(JDK_25.resolve("bin/java")) ? Stream.of(JAVA_HOME, JDK_25.toString()) : Stream.of(JAVA_HOME);
    }

    /** The finished archives in the cache folder: class-data sharing (.jsa) or, on Java 25, AOT caches (.aot). */
    private static List<Path> archives(Path cache) throws Exception {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".aot")).toList();
        }
    }

    /** Java 25 assembles its AOT cache in the background after the check: wait until it is there. */
    private static List<Path> awaitArchive(Path cache) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (archives(cache).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        return archives(cache);
    }

    @Test
    void theUnpackedZipPrintsItsVersionAndCommit(@TempDir Path dir) throws Exception {
        Path launcher = unpack(zip, dir);
        assertTrue(Files.isExecutable(launcher), "bin/envparity keeps its executable bit");
        Run r = launch(launcher, dir, dir.resolve("cache"), "--version");
        assertEquals(0, r.exit(), r.all());
        assertEquals(Runner.run(List.of(), "--version").out(), r.out());
        assertTrue(r.out().matches("envparity \\S+( \\(commit [0-9a-f]+\\))?\\n"), r.out());
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("jvms")
    void theUnpackedTarChecksStubServicesAndKeepsStdoutForTheReport(String javaHome, @TempDir Path dir) throws Exception {
        Path other = Files.createDirectories(dir.resolve("other-install"));
        Path launcher = unpack(tarGz, Files.createDirectories(dir.resolve("install")));
        Path otherLauncher = unpack(tarGz, other);
        Path work = Files.createDirectories(dir.resolve("work"));
        Path cache = dir.resolve("cache");
        try (StubServer staging = StubServer.http(); StubServer production = StubServer.http()) {
            for (StubServer s : List.of(staging, production)) {
                s.on("/actuator/health", Reply.json(200, Fixtures.read("health/spring-boot-up.json")))
                        .on("/actuator/info", Reply.json(200, Fixtures.read("version/spring-boot-info-simple.json")));
            }
            Files.writeString(work.resolve("parity.yaml"), "parity:\n"
                    + "  environments: [staging, production]\n"
                    + "  services:\n"
                    + "    checkout:\n"
                    + "      urls:\n"
                    + "        staging: " + staging.url() + "\n"
                    + "        production: " + production.url() + "\n");
            String config = "-Dquarkus.config.locations=parity.yaml";

            // A CI job on a fresh machine: writing the archive would cost more than it saves.
            assertReport(launch(Map.of("CI", "true", "ENVPARITY_CDS", "auto", "JAVA_HOME", javaHome), launcher, work, cache, config,
                    "check", "--json"));
            assertEquals(List.of(), Files.exists(cache) ? archives(cache) : List.of(), "no archive is written when CI is set");

            Run first = launch(javaHome, launcher, work, cache, config, "check", "--json");
            assertReport(first);
            List<Path> made = awaitArchive(cache);
            assertEquals(1, made.size(), "the first check leaves a class-data sharing archive or an AOT cache: " + made);

            assertReport(launch(javaHome, launcher, work, cache, config, "check", "--json"));

            // Another installation's archive where this one's should be: valid for another class path, so stale here.
            Run elsewhere = launch(javaHome, otherLauncher, work, cache, config, "check", "--json");
            assertReport(elsewhere);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (archives(cache).size() < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            Path otherArchive = archives(cache).stream().filter(a -> !made.contains(a)).findFirst().orElseThrow();
            Files.delete(made.get(0));
            Files.copy(otherArchive, made.get(0));
            assertReport(launch(javaHome, launcher, work, cache, config, "check", "--json"));

            // A damaged archive.
            Files.delete(made.get(0));
            Files.writeString(made.get(0), "not an archive");
            assertReport(launch(javaHome, launcher, work, cache, config, "check", "--json"));
        }
    }

    private static void assertReport(Run r) throws Exception {
        assertEquals(0, r.exit(), r.all());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals("cli", report.get("trigger").asText());
        assertEquals("IN_SYNC", report.at("/services/0/status").asText(), r.out());
        assertFalse(r.err().contains("[cds") || r.err().contains("[aot") || r.err().contains("shared archive"),
                "a stale or foreign archive is skipped quietly:\n" + r.err());
    }
}
