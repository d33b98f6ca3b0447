package dev.envparity.trigger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.testing.FakeAwsSecrets;
import dev.envparity.testing.Fixtures;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import dev.envparity.trigger.cli.Runner.Run;

/**
 * The packaged runner as users run it: {@code java -jar target/envparity-runner.jar check}, or the native executable
 * ({@code -Denvparity.runner=target/envparity-runner}, in the native workflow). Exit codes, stdout carrying only
 * the report, configuration errors naming their key, and no need for a free port.
 */
class CliIT {
    private static ServerSocket port8080;

    /** Holds 8080 when it is free, to prove a check does not need it (when it is taken, it is taken anyway). */
    @BeforeAll
    static void occupy8080() {
        try {
            port8080 = new ServerSocket();
            port8080.bind(new InetSocketAddress(8080));
        } catch (IOException alreadyTaken) {
            port8080 = null;
        }
    }

    @AfterAll
    static void release8080() throws IOException {
        if (port8080 != null) {
            port8080.close();
        }
    }

    private static Run run(List<String> jvmArgs, String... args) throws Exception {
        return Runner.run(jvmArgs, args);
    }

    @Test
    void demoPrintsTheTableAndExitsZero() throws Exception {
        Run r = run(List.of("-Dquarkus.profile=demo"), "check");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("envparity: 5 services, staging → production · CRITICAL · cli"), r.out());
        for (String row : List.of("checkout   IN_SYNC", "inventory  UNHEALTHY", "ledger     UNREACHABLE",
                "payments   PROMOTION_PENDING", "search     DOWNSTREAM_AHEAD")) {
            assertTrue(r.out().contains(row), row + " in\n" + r.out());
        }
        assertTrue(r.out().contains("CRITICAL  inventory  new    production is DOWN: postgres:connections is DOWN"), r.out());
        assertFalse(r.out().matches("(?s).*\\d{2}:\\d{2}:\\d{2},\\d{3} +(INFO|WARN|ERROR) +\\[.*"), "logs belong on stderr:\n" + r.out());
    }

    @Test
    void jsonOutputIsTheReportOnly() throws Exception {
        Run r = run(List.of("-Dquarkus.profile=demo"), "check", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals("cli", report.get("trigger").asText());
        assertEquals(5, report.get("services").size());
        assertEquals("UNREACHABLE", report.at("/services/2/status").asText());
    }

    @Test
    void failOnDecidesTheExitCode() throws Exception {
        assertEquals(1, run(List.of("-Dquarkus.profile=demo", "-Dparity.fail-on=warning"), "check").exit());
        assertEquals(1, run(List.of("-Dquarkus.profile=demo", "-Dparity.fail-on=critical"), "check").exit());
    }

    @Test
    void externalConfigurationFileInSync(@TempDir Path dir) throws Exception {
        try (StubServer staging = StubServer.http(); StubServer production = StubServer.http()) {
            for (StubServer s : List.of(staging, production)) {
                s.on("/actuator/health", Reply.json(200, Fixtures.read("health/spring-boot-up.json")))
                        .on("/actuator/info", Reply.json(200, Fixtures.read("version/spring-boot-info-simple.json")));
            }
            Path config = dir.resolve("parity.yaml");
            Files.writeString(config, "parity:\n"
                    + "  environments: [staging, production]\n"
                    + "  services:\n"
                    + "    checkout:\n"
                    + "      urls:\n"
                    + "        staging: " + staging.url() + "\n"
                    + "        production: " + production.url() + "\n"
                    + "      headers:\n"
                    + "        Authorization: Bearer ${CHECKOUT_TOKEN:from-env}\n");
            Run r = run(List.of("-Dquarkus.config.locations=" + config), "check");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("envparity: 1 service, staging → production · OK"), r.out());
            assertTrue(r.out().contains("The service is in sync."), r.out());
            assertEquals("Bearer from-env", staging.requests("/actuator/health").get(0).header("Authorization"));
        }
    }

    @Test
    void notificationStateOutlivesTheProcess(@TempDir Path dir) throws Exception {
        try (StubServer chat = StubServer.http()) {
            chat.on("/hook/T000/SecretHookToken", Reply.of(200, "text/html", "ok"));
            Path state = dir.resolve("state.json");
            List<String> jvm = List.of("-Dquarkus.profile=demo", "-Dparity.notify.targets.demo-console.policy=never",
                    "-Dparity.notify.state.store=auto", "-Dparity.notify.state.file=" + state,
                    "-Dparity.notify.targets.chat.type=mattermost",
                    "-Dparity.notify.targets.chat.url=" + chat.url("/hook/T000/SecretHookToken"));
            Run first = run(jvm, "check");
            assertEquals(0, first.exit(), first.err());
            assertTrue(first.out().matches("(?s).*\\n  chat +mattermost +delivered +1 attempt\\n.*"), first.out());
            assertEquals(1, chat.requests().size());
            assertTrue(Files.exists(state));

            Run second = run(jvm, "check");
            assertTrue(second.out().matches("(?s).*\\n  chat +mattermost +skipped +nothing changed\\n.*"), second.out());
            assertEquals(1, chat.requests().size(), "nothing changed: no second message");

            Files.writeString(state, "{ not json");
            Run corrupt = run(jvm, "check");
            assertEquals(0, corrupt.exit(), corrupt.err());
            assertTrue(corrupt.err().contains("is unreadable"), corrupt.err());
            assertEquals(2, chat.requests().size(), "an unreadable state starts over, it does not crash");

            Files.writeString(state, "null");
            Run nothing = run(jvm, "check");
            assertEquals(0, nothing.exit(), nothing.err());
            assertTrue(nothing.err().contains("is unreadable"), "null is corrupt content too:\n" + nothing.err());
            assertEquals(3, chat.requests().size());
            assertFalse((first.err() + second.err() + corrupt.err() + nothing.err()).contains("SecretHookToken"));
        }
    }

    /** The history is a file beside the state: each check is its own process, and "since" outlives every one of them. */
    @Test
    void sinceIsCarriedAcrossProcesses(@TempDir Path dir) throws Exception {
        AtomicReference<String> stagingVersion = new AtomicReference<>("2.4.0");
        try (StubServer staging = StubServer.http(); StubServer production = StubServer.http()) {
            staging.on("/actuator/health", Reply.json(200, "{\"status\":\"UP\"}"))
                    .on("/actuator/info", r -> Reply.json(200, "{\"build\":{\"version\":\"" + stagingVersion.get() + "\"}}"));
            production.on("/actuator/health", Reply.json(503, "{\"status\":\"DOWN\"}"))
                    .on("/actuator/info", Reply.json(200, "{\"build\":{\"version\":\"2.4.0\"}}"));
            Path config = dir.resolve("parity.yaml");
            Files.writeString(config, "parity:\n  environments: [staging, production]\n  fail-on: never\n  services:\n"
                    + "    checkout:\n      urls:\n        staging: " + staging.url() + "\n        production: " + production.url() + "\n");
            List<String> jvm = List.of("-Dquarkus.config.locations=" + config, "-Dparity.notify.state.file=" + dir.resolve("state.json"));

            JsonNode first = json(run(jvm, "check", "--json"));
            JsonNode down = first.at("/services/0/findings/0");
            assertEquals("UNHEALTHY", down.get("kind").asText());
            assertEquals(1, down.get("checks").asInt());
            String since = down.get("since").asText();
            assertEquals(since, first.at("/services/0/environments/staging/versionSince").asText());

            JsonNode second = json(run(jvm, "check", "--json"));
            assertEquals(since, second.at("/services/0/findings/0/since").asText(), "carried into the next process");
            assertEquals(2, second.at("/services/0/findings/0/checks").asInt());

            stagingVersion.set("2.5.0");
            Run third = run(jvm, "check");
            assertEquals(0, third.exit(), third.err());
            assertTrue(third.out().matches("(?s).*\n  CRITICAL  checkout  \\d[\\w. ]*? +production is DOWN\n.*"), third.out());
            assertTrue(third.out().matches("(?s).*\n  INFO      checkout  new +staging 2\\.5\\.0 is ahead of production 2\\.4\\.0.*"),
                    third.out());
            JsonNode fourth = json(run(jvm, "check", "--json"));
            JsonNode stillDown = StreamSupport.stream(fourth.at("/services/0/findings").spliterator(), false)
                    .filter(f -> f.get("kind").asText().equals("UNHEALTHY")).findFirst().orElseThrow();
            assertEquals(since, stillDown.get("since").asText());
            assertEquals(4, stillDown.get("checks").asInt());
            assertEquals(since, fourth.at("/services/0/environments/production/versionSince").asText());
            assertTrue(fourth.at("/services/0/environments/staging/versionSince").asText().compareTo(since) > 0,
                    "2.5.0 was first seen by the third check");
            assertTrue(Files.exists(dir.resolve("history.json")), "the history lives beside the state file");
        }
    }

    private static JsonNode json(Run r) throws IOException {
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    /** Without a state, every run would post the same message again: the run says so and fails, and posts nothing. */
    @Test
    void aStateFileThatCannotBeWrittenExitsThreeAndPostsNothing(@TempDir Path dir) throws Exception {
        try (StubServer chat = StubServer.http()) {
            chat.on("/hook/T000/SecretHookToken", Reply.of(200, "text/html", "ok"));
            Path blocker = Files.writeString(dir.resolve("blocker"), "a file where the state's folder should be");
            Path state = blocker.resolve("state.json");
            Run r = run(List.of("-Dquarkus.profile=demo", "-Dparity.notify.targets.demo-console.policy=never",
                    "-Dparity.notify.state.store=file", "-Dparity.notify.state.file=" + state,
                    "-Dparity.notify.targets.chat.type=mattermost",
                    "-Dparity.notify.targets.chat.url=" + chat.url("/hook/T000/SecretHookToken")), "check");
            assertEquals(3, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains("cannot write the notification state file " + state), r.err());
            assertTrue(r.out().contains("envparity: 5 services"), "the report is still printed:\n" + r.out());
            assertEquals(0, chat.requests().size(), "not posted, so that the next run does not post it again");
            assertFalse(r.err().contains("SecretHookToken"), r.err());
        }
    }

    @Test
    void aStateFileThatIsADirectoryIsAConfigurationError(@TempDir Path dir) throws Exception {
        Run r = run(List.of("-Dquarkus.profile=demo", "-Dparity.notify.state.store=auto", "-Dparity.notify.state.file=" + dir),
                "check");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("parity.notify.state.file: " + dir + " is a directory"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void invalidConfigurationExitsTwoNamingEveryKeyAndNoSecret(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("parity.yaml");
        Files.writeString(config, "parity:\n"
                + "  environments: [staging, production]\n"
                + "  services:\n"
                + "    checkout:\n"
                + "      preset: springboot\n"
                + "      urls:\n"
                + "        staging: https://checkout.staging.example.com\n"
                + "        qa: https://checkout.qa.example.com\n"
                + "      headers:\n"
                + "        Authorization: Bearer super-secret-value-91\n");
        Run r = run(List.of("-Dquarkus.config.locations=" + config), "check");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("parity.services.checkout.preset: unknown preset; use one of spring-boot"), r.err());
        assertTrue(r.err().contains("parity.services.checkout.urls.qa: 'qa' is not one of parity.environments"), r.err());
        assertTrue(r.err().contains("parity.services.checkout.urls.production: missing"), r.err());
        assertFalse(r.err().contains("super-secret-value-91"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace for a configuration error:\n" + r.err());
    }

    private static List<String> aws(FakeAwsSecrets fake) {
        return List.of("-Dparity.aws.region=eu-west-1", "-Dparity.aws.endpoints.ssm=" + fake.url(),
                "-Dparity.aws.endpoints.secretsmanager=" + fake.url(), "-Daws.accessKeyId=AKIDTEST", "-Daws.secretAccessKey=test-secret");
    }

    @Test
    void secretsComeFromSsmAndSecretsManager(@TempDir Path dir) throws Exception {
        try (StubServer chat = StubServer.http(); StubServer svc = StubServer.http();
                FakeAwsSecrets fake = new FakeAwsSecrets(Map.of(), Set.of())) {
            chat.on("/hooks/SsmStoredHook", Reply.of(200, "text/plain", "ok"));
            svc.on("/actuator/health", Reply.json(200, "{\"status\":\"UP\"}"))
                    .on("/actuator/info", Reply.json(200, "{\"build\":{\"version\":\"1.0.0\"}}"));
            fake.server().on("/", request -> request.body().contains("/envparity/chat-url")
                    ? Reply.of(200, "application/x-amz-json-1.1", "{\"Parameter\":{\"Value\":\"" + chat.url("/hooks/SsmStoredHook") + "\"}}")
                    : Reply.of(200, "application/x-amz-json-1.1", "{\"SecretString\":\"{\\\"checkout\\\":\\\"Bearer sm-token-4821\\\"}\"}"));
            Path config = dir.resolve("parity.yaml");
            Files.writeString(config, "parity:\n  environments: [staging, production]\n  services:\n    checkout:\n      urls:\n"
                    + "        staging: " + svc.url() + "\n        production: " + svc.url() + "\n"
                    + "      headers:\n        Authorization: secretsmanager:envparity/tokens#checkout\n"
                    + "  notify:\n    targets:\n      chat:\n        type: mattermost\n        policy: always\n        url: ssm:/envparity/chat-url\n");
            List<String> jvm = new ArrayList<>(aws(fake));
            jvm.add("-Dquarkus.config.locations=" + config);
            jvm.add("-Dparity.notify.state.store=memory");
            Run r = run(jvm, "check", "--json");
            assertEquals(0, r.exit(), r.err());
            assertEquals("Bearer sm-token-4821", svc.requests("/actuator/health").get(0).header("Authorization"));
            assertEquals(1, chat.requests("/hooks/SsmStoredHook").size());
            assertFalse((r.out() + r.err()).contains("sm-token-4821") || (r.out() + r.err()).contains("SsmStoredHook"),
                    "a resolved secret never shows");
            assertTrue(fake.server().requests().get(0).header("Authorization").contains("/eu-west-1/ssm/aws4_request")
                    || fake.server().requests().get(0).header("Authorization").contains("/eu-west-1/secretsmanager/aws4_request"));
        }
    }

    @Test
    void aMissingOrForbiddenSecretStopsStartupNamingTheKey() throws Exception {
        try (FakeAwsSecrets fake = new FakeAwsSecrets(Map.of("envparity/readable", "not-shown-value-733"),
                Set.of("/envparity/forbidden"))) {
            List<String> missing = new ArrayList<>(aws(fake));
            missing.addAll(List.of("-Dquarkus.profile=demo", "-Dparity.api.token=ssm:/envparity/missing"));
            Run r = run(missing, "check");
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("parity.api.token: cannot read ssm:/envparity/missing (it does not exist)"), r.err());

            List<String> forbidden = new ArrayList<>(aws(fake));
            forbidden.addAll(List.of("-Dquarkus.profile=demo", "-Dparity.hooks.github.secret=ssm:/envparity/forbidden"));
            r = run(forbidden, "check");
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("parity.hooks.github.secret: cannot read ssm:/envparity/forbidden (access denied: grant "
                    + "ssm:GetParameter (and kms:Decrypt) to the function's role)"), r.err());

            List<String> noKey = new ArrayList<>(aws(fake));
            noKey.addAll(List.of("-Dquarkus.profile=demo", "-Dparity.hooks.generic.secret=secretsmanager:envparity/readable#field"));
            r = run(noKey, "check");
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("parity.hooks.generic.secret: cannot read secretsmanager:envparity/readable#field"), r.err());
            assertFalse(r.err().contains("not-shown-value-733"), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace:\n" + r.err());
        }
    }

    @Test
    void malformedValuesExitTwoNamingTheKey() throws Exception {
        Run r = run(List.of("-Dquarkus.profile=demo", "-Dparity.max-promotion-lag=soon"), "check");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("parity.max-promotion-lag"), r.err());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Run r = run(List.of("-Dquarkus.profile=demo"), "check", "--yaml");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unknown option '--yaml'"), r.err());
        assertTrue(r.err().contains("Usage: envparity") && r.err().contains("check [--json]"), r.err());
    }
}
