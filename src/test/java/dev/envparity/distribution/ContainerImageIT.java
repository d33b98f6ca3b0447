package dev.envparity.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.testing.Fixtures;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;

/**
 * The JVM image as {@code docker run} starts it (see {@link EmulatedContainer}): what it COPYs is what the build
 * packaged, its command starts the server with the mounted /config/parity.yaml, its probes answer, the report is
 * behind the token, the state lands in the writable folder; and {@code check} runs the CLI.
 */
class ContainerImageIT {
    private static final String TOKEN = "container-token-5c1e";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Dockerfile image = Dockerfile.read("Dockerfile.jvm");

    private static StubServer service() {
        return StubServer.http().on("/actuator/health", Reply.json(200, Fixtures.read("health/spring-boot-up.json")))
                .on("/actuator/info", Reply.json(200, Fixtures.read("version/spring-boot-info-simple.json")));
    }

    private static String config(StubServer svc, StubServer chat, String state) {
        return "parity:\n  environments: [staging, production]\n  services:\n    checkout:\n      urls:\n"
                + "        staging: " + svc.url() + "\n        production: " + svc.url() + "\n"
                + "  api:\n    token: ${PARITY_API_TOKEN}\n"
                + "  notify:\n" + state + "    targets:\n      chat:\n        type: mattermost\n        policy: always\n"
                + "        url: ${CHAT_WEBHOOK_URL}\n";
    }

    @Test
    void everyCopiedPathIsWhatThePackageBuilt() {
        for (Dockerfile.Copy c : image.copies()) {
            Path source = Path.of(c.source());
            assertTrue(Files.exists(source), c.source() + " after ./mvnw package");
        }
        assertTrue(Path.of("target/lib").toFile().list().length > 10, "the runner's libraries are in target/lib");
    }

    @Test
    void theServerAnswersItsProbesAndTheReportWithTheMountedConfiguration(@TempDir Path root) throws Exception {
        EmulatedContainer.install(image, root);
        try (StubServer svc = service(); StubServer chat = StubServer.http()) {
            chat.on("/hooks/ContainerChatHook", Reply.of(200, "text/plain", "ok"));
            Path stateFile = EmulatedContainer.at(root, DockerfileTest.STATE_DIR + "/state.json");
            Files.writeString(EmulatedContainer.at(root, DockerfileTest.CONFIG),
                    config(svc, chat, "    state:\n      store: file\n      file: " + stateFile + "\n"));
            try (EmulatedContainer server = EmulatedContainer.run(image, root, Map.of("PARITY_API_TOKEN", TOKEN,
                    "CHAT_WEBHOOK_URL", chat.url("/hooks/ContainerChatHook")))) {
                for (String probe : new String[] {"/q/health/started", "/q/health/live", "/q/health/ready"}) {
                    HttpResponse<String> r = server.get(probe);
                    assertEquals(200, r.statusCode(), probe + ": " + r.body());
                    assertEquals("UP", JSON.readTree(r.body()).get("status").asText(), probe);
                }
                assertEquals(401, server.post("/api/check", "").statusCode(), "a check needs the token from the environment");

                HttpResponse<String> report = server.get("/api/report", "Authorization", "Bearer " + TOKEN);
                assertEquals(200, report.statusCode(), report.body());
                JsonNode service = JSON.readTree(report.body()).at("/services/0");
                assertEquals("checkout", service.get("name").asText());
                assertEquals("IN_SYNC", service.get("status").asText(), report.body());

                assertEquals(1, chat.requests("/hooks/ContainerChatHook").size(), "the secret URL from the environment was used");
                assertTrue(Files.exists(stateFile), "the state is kept in " + DockerfileTest.STATE_DIR);
                assertFalse(server.output().contains("ContainerChatHook") || server.output().contains(TOKEN), server.output());
            }
        }
    }

    @Test
    void checkRunsTheCliWithItsStateInTheWritableFolder(@TempDir Path root) throws Exception {
        EmulatedContainer.install(image, root);
        try (StubServer svc = service(); StubServer chat = StubServer.http()) {
            chat.on("/hooks/ContainerChatHook", Reply.of(200, "text/plain", "ok"));
            Files.writeString(EmulatedContainer.at(root, DockerfileTest.CONFIG), config(svc, chat, ""));
            EmulatedContainer.Exit r = EmulatedContainer.run(image, root, Map.of("PARITY_API_TOKEN", TOKEN,
                    "CHAT_WEBHOOK_URL", chat.url("/hooks/ContainerChatHook")), "check", "--json").exit();
            assertEquals(0, r.code(), r.err());
            assertEquals("IN_SYNC", JSON.readTree(r.out()).at("/services/0/status").asText(), "stdout is the JSON report only");
            assertTrue(r.err().contains("Picked up JAVA_TOOL_OPTIONS: -XX:+UseSerialGC"), "the image's JVM options apply:\n" + r.err());
            assertTrue(Files.exists(EmulatedContainer.at(root, DockerfileTest.STATE_DIR + "/.envparity/state.json")),
                    "the CLI's default state file is in the writable folder");
        }
    }
}
