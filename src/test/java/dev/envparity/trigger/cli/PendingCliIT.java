package dev.envparity.trigger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.testing.CommitGraph;
import dev.envparity.testing.GitHubStandIn;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;

/**
 * What waits and whose it is, where a CI gate shows it: the text table, {@code --json} and the job summary
 * ({@code --markdown}) of the packaged CLI, against a stand-in for GitHub's compare API. A code host that refuses the
 * token or does not know a repository is a note in each of them — the exit code is the one a healthy host gives, and
 * the token is nowhere.
 */
class PendingCliIT {
    private static final String TOKEN = "ghp_PendingCliTokenNeverShown0123456789";
    private static final CommitGraph GRAPH = CommitGraph.linear(40);

    @TempDir
    Path dir;

    private Path config(StubServer envs, GitHubStandIn github) throws Exception {
        for (String service : List.of("checkout", "ledger")) {
            envs.on("/" + service + "/staging/actuator/health", Reply.json(200, "{\"status\":\"UP\"}"))
                    .on("/" + service + "/production/actuator/health", Reply.json(200, "{\"status\":\"UP\"}"))
                    .on("/" + service + "/staging/actuator/info", info("2.4.0", GRAPH.at(30)))
                    .on("/" + service + "/production/actuator/info", info("2.3.1", GRAPH.at(18)));
        }
        return Files.writeString(dir.resolve("parity.yaml"), "parity:\n  environments: [staging, production]\n"
                + "  fail-on: warning\n  services:\n"
                + "    checkout:\n      urls:\n        staging: " + envs.url("/checkout/staging") + "\n"
                + "        production: " + envs.url("/checkout/production") + "\n"
                + "      repository: github:acme/checkout\n"
                + "      owner: { name: Payments team, slack: S0123ABC }\n"
                + "      runbook: https://wiki.example.com/runbooks/checkout\n"
                + "      rollback: helm rollback checkout 0\n"
                + "      promote-url: https://github.com/acme/checkout/actions/workflows/promote.yml?to={to}&ref={commit}\n"
                + "    ledger:\n      urls:\n        staging: " + envs.url("/ledger/staging") + "\n"
                + "        production: " + envs.url("/ledger/production") + "\n"
                + "      repository: github:acme/ledger\n"
                + "  scm:\n    github:\n      token: ${SCM_TOKEN}\n      api-url: " + github.apiUrl() + "\n"
                + "  notify:\n    state:\n      file: " + dir.resolve("state.json") + "\n");
    }

    private static Reply info(String version, String commit) {
        return Reply.json(200, "{\"build\":{\"version\":\"" + version + "\"},\"git\":{\"commit\":{\"id\":\"" + commit + "\"}}}");
    }

    private Runner.Run check(Path config, String token, String... args) throws Exception {
        List<String> cli = new java.util.ArrayList<>(List.of("check"));
        cli.addAll(List.of(args));
        return Runner.run(Map.of("SCM_TOKEN", token), List.of("-Dquarkus.config.locations=" + config), cli.toArray(String[]::new));
    }

    @Test
    void theTableTheJsonReportAndTheSummaryShowWhatWaitsAndWhoseItIs() throws Exception {
        try (StubServer envs = StubServer.http(); GitHubStandIn github = GitHubStandIn.start(TOKEN).repository("acme/checkout", GRAPH)) {
            Path config = config(envs, github);

            Runner.Run text = check(config, TOKEN);
            assertEquals(0, text.exit(), text.all());
            assertTrue(text.out().contains("WAITING"), text.out());
            assertTrue(text.out().contains("\nWaiting to ship, and whose it is\n"), text.out());
            assertTrue(text.out().contains("12 commits waiting in staging  https://github.com/acme/checkout/compare/"
                    + GRAPH.at(18) + "..." + GRAPH.at(30)), text.out());
            assertTrue(text.out().contains("    #1030 Change 30 (Dev 0)\n"), text.out());
            assertTrue(text.out().contains("  … and 7 more\n"), text.out());
            assertTrue(text.out().contains("Owner: Payments team\n"), text.out());
            assertTrue(text.out().contains("Rollback: helm rollback checkout 0\n"), text.out());
            assertTrue(text.out().contains("ledger    Pending commits unknown: GitHub does not know acme/ledger"), text.out());

            Path summary = dir.resolve("summary.md");
            Runner.Run json = check(config, TOKEN, "--json", "--markdown", summary.toString());
            assertEquals(0, json.exit(), json.all());
            JsonNode checkout = service(json.out(), "checkout");
            assertEquals("ahead", checkout.at("/pending/status").asText());
            assertEquals(12, checkout.at("/pending/aheadBy").asInt());
            assertEquals("Payments team", checkout.at("/owner/name").asText());
            assertTrue(service(json.out(), "ledger").at("/pending/error").asText().startsWith("GitHub does not know acme/ledger"));
            String md = Files.readString(summary, StandardCharsets.UTF_8);
            assertTrue(md.contains("\n#### Waiting to ship, and whose it is\n"), md);
            assertTrue(md.contains("| checkout | 12 commits waiting in staging | #\u200B1030 Change 30 (Dev 0)<br>"), md);
            assertTrue(md.contains("[View differences](https://github.com/acme/checkout/compare/" + GRAPH.at(18) + "..."
                    + GRAPH.at(30) + ") · [Promote](https://github.com/acme/checkout/actions/workflows/promote.yml?to=production&ref="
                    + GRAPH.at(30) + ") | Payments team · [Runbook](https://wiki.example.com/runbooks/checkout)"
                    + " · Rollback: helm rollback checkout 0 |"), md);
            assertTrue(md.contains("| ledger | ⚠️ Pending commits unknown: GitHub does not know acme/ledger"), md);
            assertEquals(3, github.requests().size(), "the second run asked only about the unknown repository again: "
                    + "the comparison it answered is in the cache file");
        }
    }

    @Test
    void aRefusedTokenIsANoteNotAFailureAndNeverShown() throws Exception {
        try (StubServer envs = StubServer.http(); GitHubStandIn github = GitHubStandIn.start(TOKEN).repository("acme/checkout", GRAPH)) {
            Path config = config(envs, github);
            String wrong = "ghp_WrongTokenAlsoNeverShown98765432100";
            Path summary = dir.resolve("summary.md");

            Runner.Run json = check(config, wrong, "--json", "--markdown", summary.toString());
            assertEquals(0, json.exit(), "a code host never fails the check: " + json.all());
            String why = "GitHub refused the token (HTTP 401); check parity.scm.github.token";
            assertEquals(why, service(json.out(), "checkout").at("/pending/error").asText());
            assertTrue(Files.readString(summary, StandardCharsets.UTF_8).contains("⚠️ Pending commits unknown: " + why), "summary");
            Runner.Run text = check(config, wrong);
            assertEquals(0, text.exit(), text.all());
            assertTrue(text.out().contains("Pending commits unknown: " + why), text.out());
            for (String shown : List.of(json.all(), text.all(), Files.readString(summary, StandardCharsets.UTF_8))) {
                assertFalse(shown.contains(wrong) || shown.contains(TOKEN), shown);
            }
            assertEquals(4, github.requests().size(), "a refusal is not cached: each run asks again");
        }
    }

    private static JsonNode service(String report, String name) throws Exception {
        for (JsonNode s : new ObjectMapper().readTree(report).get("services")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name + " is not in " + report);
    }
}
