package dev.envparity.trigger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.envparity.trigger.cli.Runner.Run;

/**
 * Help, version and usage errors answer at once: no Quarkus start, no configuration read, no port bound. Each run
 * points the HTTP port at one this test holds and the configuration at a broken file, so anything that started the
 * application would fail.
 */
class CliUsageIT {
    private static final Pattern LOG_LINE = Pattern.compile("\\d{2}:\\d{2}:\\d{2},\\d{3} +(INFO|WARN|ERROR) +\\[");
    private static ServerSocket taken;
    private static List<String> hostile;

    @BeforeAll
    static void occupyAPortAndBreakTheConfiguration(@TempDir Path dir) throws Exception {
        taken = new ServerSocket();
        taken.bind(new InetSocketAddress(0));
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "parity:\n  environments: [staging, production\n");
        hostile = List.of("-Dquarkus.http.port=" + taken.getLocalPort(), "-Dquarkus.config.locations=" + broken);
    }

    @AfterAll
    static void release() throws Exception {
        taken.close();
    }

    private static void assertStartedNothing(Run r) {
        assertFalse(r.all().contains("Address already in use"), r.all());
        assertFalse(r.all().contains("\tat "), "no stack trace:\n" + r.all());
        assertFalse(r.all().contains("Quarkus") || LOG_LINE.matcher(r.all()).find(), "Quarkus did not start:\n" + r.all());
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        for (List<String> args : List.of(List.of("--help"), List.of("-h"), List.of("help"), List.of("check", "--help"),
                List.of("check", "-h"))) {
            Run r = Runner.run(hostile, args.toArray(String[]::new));
            assertEquals(0, r.exit(), args + ": " + r.all());
            assertTrue(r.out().startsWith("Usage: envparity"), args + ": " + r.out());
            assertTrue(r.out().contains("check [--json]") && r.out().contains("--version"), r.out());
            assertEquals("", r.err(), args.toString());
            assertStartedNothing(r);
        }
    }

    @Test
    void versionPrintsTheProjectVersionAndExitsZero() throws Exception {
        for (String arg : List.of("--version", "version")) {
            Run r = Runner.run(hostile, arg);
            assertEquals(0, r.exit(), arg + ": " + r.all());
            assertTrue(r.out().matches("envparity \\d+\\.\\d+\\.\\d+[\\w.-]*( \\(commit [0-9a-f]{7,}\\))?\\n"), arg + ": " + r.out());
            assertEquals("", r.err());
            assertStartedNothing(r);
        }
    }

    @Test
    void unknownCommandsAndOptionsPrintUsageOnStderrAndExitTwo() throws Exception {
        Run r = Runner.run(hostile, "chek");
        assertEquals(2, r.exit(), r.all());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("Unknown command 'chek'.\nUsage: envparity"), r.err());
        assertStartedNothing(r);

        r = Runner.run(hostile, "check", "--yaml");
        assertEquals(2, r.exit(), r.all());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("Unknown option '--yaml'.\nUsage: envparity"), r.err());
        assertStartedNothing(r);
    }

    @Test
    void startupLogLinesNeverReachStdout() throws Exception {
        Run r = Runner.run(List.of("-Dquarkus.profile=demo", "-Dquarkus.log.level=INFO"), "check");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("envparity: 5 services,"), r.out());
        assertFalse(LOG_LINE.matcher(r.out()).find(), "logs belong on stderr:\n" + r.out());
        assertTrue(LOG_LINE.matcher(r.err()).find(), "the log lines went to stderr:\n" + r.err());
    }
}
