package dev.envparity.trigger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;

/** {@code check --markdown FILE}: the job summary a CI gate shows, written beside the report on stdout. */
class MarkdownSummaryIT {

    @Test
    void writesTheSummaryBesideTheJsonReport(@TempDir Path dir) throws Exception {
        Path summary = Files.writeString(dir.resolve("summary.md"), "an older summary\n");
        Runner.Run r = Runner.run(List.of("-Dquarkus.profile=demo"), "check", "--json", "--markdown", summary.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(5, new ObjectMapper().readTree(r.out()).get("services").size(), "stdout is still the JSON report");
        String md = Files.readString(summary, StandardCharsets.UTF_8);
        assertTrue(md.startsWith("### 🔴 envparity: 4 services need attention between staging and production"), md);
        assertTrue(md.contains("\n| inventory | 🔴 UNHEALTHY | 5.2.0 · UP | 5.2.0 · **DOWN** |\n"), md);
        assertTrue(md.contains("\n| checkout | ✅ IN_SYNC | 2.4.0 · UP | 2.4.0 · UP |\n"), md);
        assertTrue(!md.contains("an older summary"), "the file is replaced");
    }

    @Test
    void aSummaryThatCannotBeWrittenStopsTheCheckBeforeAnythingIsProbed(@TempDir Path dir) throws Exception {
        try (StubServer svc = StubServer.http()) {
            svc.on("/actuator/health", Reply.json(200, "{\"status\":\"UP\"}"))
                    .on("/actuator/info", Reply.json(200, "{\"build\":{\"version\":\"1.0.0\"}}"));
            Path config = Files.writeString(dir.resolve("parity.yaml"), "parity:\n  environments: [staging, production]\n"
                    + "  services:\n    checkout:\n      urls:\n        staging: " + svc.url() + "\n        production: " + svc.url() + "\n");
            Path summary = dir.resolve("missing-folder").resolve("summary.md");
            Runner.Run r = Runner.run(List.of("-Dquarkus.config.locations=" + config), "check", "--markdown", summary.toString());
            assertEquals(2, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains("envparity: cannot write the Markdown summary to " + summary + " (its folder does not exist)"),
                    r.err());
            assertEquals("", r.out());
            assertEquals(0, svc.requests().size(), "nothing probed");

            Runner.Run noFile = Runner.run(List.of("-Dquarkus.config.locations=" + config), "check", "--markdown");
            assertEquals(2, noFile.exit());
            assertTrue(noFile.err().contains("Option '--markdown' needs a file."), noFile.err());
        }
    }
}
