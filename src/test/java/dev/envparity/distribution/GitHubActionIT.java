package dev.envparity.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.testing.CommitGraph;
import dev.envparity.testing.GitHubStandIn;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;

/**
 * The GitHub Action (action.yml) run by {@link CompositeAction} against the packaged jar: outputs, job summary,
 * the gate, and the notification state carried from one workflow run to the next through the cache — each run on
 * a fresh "runner" with a fresh checkout, as on GitHub-hosted runners.
 */
class GitHubActionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT_PATH = "/hooks/ActionChatHook";

    @TempDir
    Path tmp;
    private FakeCache cache;
    private int runs;

    /** envparity as the action's build step leaves it, already in the cache: these tests do not rebuild the project. */
    @BeforeEach
    void envparityIsInTheCache() throws Exception {
        cache = new FakeCache(tmp.resolve("cache"));
        Path output = Files.createFile(tmp.resolve("locate-output"));
        ProcessBuilder locate = new ProcessBuilder("action/install.sh", "locate");
        locate.environment().putAll(Map.of("GITHUB_OUTPUT", output.toString(), "RUNNER_OS", "Linux"));
        assertEquals(0, locate.inheritIO().start().waitFor());
        String key = GitHubOutputFile.parse(Files.readString(output)).get("key");
        Path built = Files.createDirectories(tmp.resolve("built"));
        Files.copy(Path.of("target/envparity-runner.jar"), built.resolve("envparity-runner.jar"));
        cache.save(List.of(Path.of("target/lib")), key + "-lib");
        cache.restore(List.of(built.resolve("lib")), key + "-lib", "");
        cache.save(List.of(built), key);
    }

    private CompositeAction.Result run(String config, Map<String, String> inputs, Map<String, String> env) throws Exception {
        runs++;
        Path workspace = Files.createDirectories(tmp.resolve("workspace-" + runs));
        Files.writeString(workspace.resolve("parity.yaml"), config);
        return new CompositeAction(cache, Files.createDirectories(tmp.resolve("runner-" + runs))).run(workspace, inputs, env, 1000 + runs);
    }

    private static void versions(StubServer staging, StubServer production, String stagingVersion, String productionVersion,
            boolean productionUp) {
        staging.on("/actuator/health", Reply.json(200, "{\"status\":\"UP\"}"))
                .on("/actuator/info", Reply.json(200, "{\"build\":{\"version\":\"" + stagingVersion + "\"}}"));
        production.on("/actuator/health", productionUp ? Reply.json(200, "{\"status\":\"UP\"}") : Reply.json(503, "{\"status\":\"DOWN\"}"))
                .on("/actuator/info", Reply.json(200, "{\"build\":{\"version\":\"" + productionVersion + "\"}}"));
    }

    private static String config(StubServer staging, StubServer production) {
        return "parity:\n  environments: [staging, production]\n  fail-on: warning\n  services:\n    checkout:\n      urls:\n"
                + "        staging: " + staging.url() + "\n        production: " + production.url() + "\n"
                + "  notify:\n    targets:\n      chat:\n        type: mattermost\n        url: ${CHAT_WEBHOOK_URL}\n";
    }

    /** What waits is asked of the code host once: the comparison travels to the next run's fresh runner in the cache. */
    @Test
    void theCodeHostIsAskedOnceAndTheNextRunReadsTheComparisonFromTheCache() throws Exception {
        CommitGraph graph = CommitGraph.linear(20);
        try (StubServer staging = StubServer.http(); StubServer production = StubServer.http(); StubServer chat = StubServer.http();
                GitHubStandIn github = GitHubStandIn.start("ghp_ActionScmToken0123456789").repository("acme/checkout", graph)) {
            chat.on(CHAT_PATH, Reply.of(200, "text/plain", "ok"));
            for (StubServer env : List.of(staging, production)) {
                String sha = graph.at(env == staging ? 15 : 12);
                env.on("/actuator/health", Reply.json(200, "{\"status\":\"UP\"}")).on("/actuator/info", Reply.json(200,
                        "{\"build\":{\"version\":\"" + sha.substring(0, 7) + "\"},\"git\":{\"commit\":{\"id\":\"" + sha + "\"}}}"));
            }
            String config = config(staging, production).replace("  notify:\n", "  scm:\n    github:\n      token: ${SCM_TOKEN}\n"
                    + "      api-url: " + github.apiUrl() + "\n  notify:\n").replace("        production: " + production.url() + "\n",
                    "        production: " + production.url() + "\n      repository: github:acme/checkout\n");
            Map<String, String> env = Map.of("CHAT_WEBHOOK_URL", chat.url(CHAT_PATH), "SCM_TOKEN", "ghp_ActionScmToken0123456789");

            CompositeAction.Result first = run(config, Map.of("config", "parity.yaml"), env);
            assertTrue(first.success(), first.log());
            assertEquals(1, github.requests().size(), first.log());
            assertTrue(first.summary().contains("| checkout | 3 commits waiting in staging |"), first.summary());
            assertTrue(first.steps().contains("Save the notification state"), first.steps().toString());

            CompositeAction.Result second = run(config, Map.of("config", "parity.yaml"), env);
            assertTrue(second.success(), second.log());
            assertEquals(1, github.requests().size(), "the fresh runner restored the comparison: no call");
            assertTrue(second.summary().contains("| checkout | 3 commits waiting in staging |"), second.summary());
            assertFalse(first.log().contains("ghp_ActionScmToken") || second.log().contains("ghp_ActionScmToken"), "the token never shows");
        }
    }

    @Test
    void eachRunGatesSummarisesAndKeepsTheOnChangeStateForTheNext() throws Exception {
        try (StubServer staging = StubServer.http(); StubServer production = StubServer.http(); StubServer chat = StubServer.http()) {
            chat.on(CHAT_PATH, Reply.of(200, "text/plain", "ok"));
            Map<String, String> env = Map.of("CHAT_WEBHOOK_URL", chat.url(CHAT_PATH));
            String config = config(staging, production);

            versions(staging, production, "2.4.0", "2.4.0", true);
            CompositeAction.Result inSync = run(config, Map.of("config", "parity.yaml"), env);
            assertTrue(inSync.success(), inSync.log());
            assertEquals("0", inSync.outputs().get("exit-code"));
            assertEquals("ok", inSync.outputs().get("severity"));
            JsonNode report = JSON.readTree(inSync.outputs().get("report"));
            assertEquals("IN_SYNC", report.at("/services/0/status").asText());
            assertEquals(report, JSON.readTree(Files.readString(Path.of(inSync.outputs().get("report-file")))));
            assertTrue(inSync.summary().startsWith("### ✅ envparity: The service is in sync between staging and production\n"),
                    inSync.summary());
            assertFalse(inSync.steps().contains("Build envparity"), "envparity came from the cache: " + inSync.steps());
            assertFalse(inSync.steps().contains("Gate"));
            assertEquals(0, chat.requests().size());

            versions(staging, production, "2.5.0", "2.4.0", true);
            CompositeAction.Result pending = run(config, Map.of("config", "parity.yaml"), env);
            assertTrue(pending.success(), "info is below fail-on: warning\n" + pending.log());
            assertEquals("info", pending.outputs().get("severity"));
            assertTrue(pending.summary().contains("\n| checkout | 🔵 PROMOTION_PENDING | 2.5.0 · UP | 2.4.0 · UP |\n"), pending.summary());
            assertEquals(1, chat.requests().size(), "a new problem is posted");
            assertTrue(pending.steps().contains("Save the notification state"), pending.steps().toString());

            CompositeAction.Result again = run(config, Map.of("config", "parity.yaml"), env);
            assertTrue(again.success(), again.log());
            assertEquals(1, chat.requests().size(), "the next run, on a fresh runner, restored the state: nothing new to post");
            JsonNode drift = JSON.readTree(again.outputs().get("report")).at("/services/0/findings/0");
            assertEquals(2, drift.get("checks").asInt(), "and the history beside it: the second run in a row to see the drift\n" + drift);
            assertEquals(JSON.readTree(pending.outputs().get("report")).at("/services/0/findings/0/since"), drift.get("since"));

            versions(staging, production, "2.5.0", "2.4.0", false);
            CompositeAction.Result down = run(config, Map.of("config", "parity.yaml"), env);
            assertFalse(down.success(), "critical is at or above fail-on: the gate fails\n" + down.log());
            assertEquals("1", down.outputs().get("exit-code"));
            assertEquals("critical", down.outputs().get("severity"));
            assertTrue(down.summary().contains("\n| checkout | 🔴 UNHEALTHY | 2.5.0 · UP | 2.4.0 · **DOWN** |\n"), down.summary());
            assertTrue(down.summary().contains("\n| CRITICAL | checkout | production is DOWN |\n"), down.summary());
            assertEquals(List.of("::error title=envparity::The report's severity, critical, is at or above parity.fail-on (see the job summary)"),
                    down.annotations());
            assertEquals(2, chat.requests().size(), "the change is posted");
            assertTrue(down.steps().indexOf("Save the notification state") < down.steps().indexOf("Gate"),
                    "the state is saved before the gate fails the job: " + down.steps());
            assertEquals(4, cache.keys().stream().filter(k -> k.startsWith("envparity-state-")).count(),
                    "the history counts every check, so every run saves: " + cache.keys());
            for (CompositeAction.Result r : List.of(inSync, pending, again, down)) {
                assertFalse(r.log().contains("ActionChatHook"), "the chat URL never shows:\n" + r.log());
            }
        }
    }

    @Test
    void failFalseLeavesTheVerdictToTheWorkflow() throws Exception {
        try (StubServer staging = StubServer.http(); StubServer production = StubServer.http(); StubServer chat = StubServer.http()) {
            chat.on(CHAT_PATH, Reply.of(200, "text/plain", "ok"));
            versions(staging, production, "2.5.0", "2.4.0", false);
            CompositeAction.Result r = run(config(staging, production), Map.of("config", "parity.yaml", "fail", "false", "summary", "false"),
                    Map.of("CHAT_WEBHOOK_URL", chat.url(CHAT_PATH)));
            assertTrue(r.success(), r.log());
            assertEquals("1", r.outputs().get("exit-code"));
            assertEquals("", r.summary(), "summary: false");
            assertTrue(Files.readString(Path.of(r.outputs().get("summary-file"))).contains("🔴 UNHEALTHY"));
        }
    }

    @Test
    void anInvalidConfigurationFailsNamingTheKeyAndNoValue() throws Exception {
        String config = "parity:\n  environments: [staging, production]\n  services:\n    checkout:\n      preset: springboot\n"
                + "      urls:\n        staging: https://checkout.staging.example.com\n        production: https://checkout.example.com\n"
                + "      headers:\n        Authorization: Bearer action-secret-value-4410\n";
        CompositeAction.Result r = run(config, Map.of("config", "parity.yaml"), Map.of());
        assertFalse(r.success());
        assertEquals("2", r.outputs().get("exit-code"));
        assertEquals("", r.outputs().get("severity"));
        assertEquals("", r.outputs().get("report"));
        assertTrue(r.log().contains("parity.services.checkout.preset: unknown preset; use one of"), r.log());
        assertTrue(r.summary().startsWith("### ⚠️ envparity could not run\n"), r.summary());
        assertEquals(List.of("::error title=envparity::envparity could not run: invalid configuration or usage (the envparity check "
                + "step names the key)"), r.annotations());
        assertFalse(r.log().contains("action-secret-value-4410") || r.summary().contains("action-secret-value-4410"));

        CompositeAction.Result missing = run(config, Map.of("config", "no/such/parity.yaml"), Map.of());
        assertEquals("2", missing.outputs().get("exit-code"));
        assertTrue(missing.annotations().get(0).startsWith("::error title=envparity::No configuration file at 'no/such/parity.yaml'"),
                missing.annotations().toString());
    }

    /** GitHub keeps 1 MB of outputs per job: a large report is only in report-file, and the summary stays whole. */
    @Test
    void aLargeReportIsInTheFileOnly() throws Exception {
        try (StubServer staging = StubServer.http(); StubServer production = StubServer.http()) {
            StringBuilder config = new StringBuilder("parity:\n  environments: [staging, production]\n  fail-on: never\n  services:\n");
            for (int i = 0; i < 300; i++) {
                String name = String.format("service-%03d", i);
                for (StubServer s : List.of(staging, production)) {
                    s.on("/" + name + "/actuator/health", Reply.json(200, "{\"status\":\"UP\"}"))
                            .on("/" + name + "/actuator/info", Reply.json(200, "{\"build\":{\"version\":\"1.0." + i + "\"}}"));
                }
                config.append("    ").append(name).append(":\n      urls:\n        staging: ").append(staging.url("/" + name))
                        .append("\n        production: ").append(production.url("/" + name)).append('\n');
            }
            CompositeAction.Result r = run(config.toString(), Map.of("config", "parity.yaml"), Map.of());
            assertTrue(r.success(), r.log());
            assertEquals("", r.outputs().get("report"));
            long size = Files.size(Path.of(r.outputs().get("report-file")));
            assertTrue(size > 262144, size + " bytes");
            assertEquals(300, JSON.readTree(Files.readString(Path.of(r.outputs().get("report-file")))).get("services").size());
            assertTrue(r.annotations().get(0).startsWith("::notice title=envparity::The JSON report is larger than 262144 bytes"),
                    r.annotations().toString());
            assertEquals(300, r.summary().lines().filter(l -> l.startsWith("| service-")).count());
        }
    }
}
