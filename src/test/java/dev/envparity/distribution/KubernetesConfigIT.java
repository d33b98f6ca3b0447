package dev.envparity.distribution;

import static dev.envparity.distribution.Manifests.list;
import static dev.envparity.distribution.Manifests.map;
import static dev.envparity.distribution.Manifests.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.testing.Signatures;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;

/**
 * The JVM image run as deploy/kubernetes runs it (see {@link EmulatedContainer}): the ConfigMap's parity.yaml at
 * the Deployment's mount, the Deployment's environment, the Secret's keys with real values, the Deployment's
 * probes. Only what the cluster would provide differs, in the mounted copy of parity.yaml: its service DNS names
 * are stub servers here, and the state volume's path is a folder.
 */
class KubernetesConfigIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "k8s-api-token-7f3a";
    private static final String PAYMENTS_TOKEN = "k8s-payments-token-19c2";
    private static final String GITHUB_SECRET = "k8s-github-secret-0b6d";

    private final Dockerfile image = Dockerfile.read("Dockerfile.jvm");
    private final Map<String, Object> container = Manifests.container();

    /** The Deployment's environment; parity.yaml mounted where it says, with {@code cluster} replacing its in-cluster addresses. */
    private Map<String, String> deploy(Path root, Map<String, String> cluster) throws Exception {
        EmulatedContainer.install(image, root);
        String state = (String) path(Manifests.load(Manifests.configFile()), "parity", "notify", "state", "file");
        String config = Manifests.read(Manifests.configFile()).replace(state, EmulatedContainer.at(root, state).toString());
        for (Map.Entry<String, String> c : cluster.entrySet()) {
            assertTrue(config.contains(c.getKey()), c.getKey());
            config = config.replace(c.getKey(), c.getValue());
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (Object e : list(container, "env")) {
            String name = (String) map(e).get("name");
            String value = (String) map(e).get("value");
            if (name.equals("QUARKUS_CONFIG_LOCATIONS")) {
                Files.writeString(EmulatedContainer.at(root, value), config);
            }
            env.put(name, value.startsWith("/") ? EmulatedContainer.at(root, value).toString() : value);
        }
        return env;
    }

    private static void service(StubServer s, String preset, String version) {
        String health = preset.equals("quarkus") ? "/q/health" : "/actuator/health";
        String info = preset.equals("quarkus") ? "/q/info" : "/actuator/info";
        s.on(health, Reply.json(200, "{\"status\":\"UP\",\"checks\":[]}")).on(info, Reply.json(200, "{\"build\":{\"version\":\"" + version + "\"}}"));
    }

    @Test
    void theConfigMapRunsWithTheSecretsKeysAndAnswersTheDeploymentsProbes(@TempDir Path root) throws Exception {
        try (StubServer checkout = StubServer.http(); StubServer paymentsStaging = StubServer.http();
                StubServer paymentsProduction = StubServer.http(); StubServer slack = StubServer.http()) {
            service(checkout, "spring-boot", "2.4.0");
            service(paymentsStaging, "quarkus", "1.9.0");
            service(paymentsProduction, "quarkus", "1.8.3");
            slack.on("/services/T000/B000/K8sSlackHook", Reply.of(200, "text/plain", "ok"));
            Map<String, String> env = deploy(root, Map.of(
                    "http://checkout.staging.svc.cluster.local:8080", checkout.url(),
                    "http://checkout.production.svc.cluster.local:8080", checkout.url(),
                    "http://payments.staging.svc.cluster.local:8080", paymentsStaging.url(),
                    "http://payments.production.svc.cluster.local:8080", paymentsProduction.url()));
            env.putAll(Map.of("PARITY_API_TOKEN", TOKEN, "PAYMENTS_TOKEN", PAYMENTS_TOKEN, "GITHUB_WEBHOOK_SECRET", GITHUB_SECRET,
                    "SLACK_WEBHOOK_URL", slack.url("/services/T000/B000/K8sSlackHook")));

            try (EmulatedContainer pod = EmulatedContainer.run(image, root, env)) {
                for (String probe : new String[] {"startupProbe", "livenessProbe", "readinessProbe"}) {
                    HttpResponse<String> r = pod.get((String) path(container, probe, "httpGet", "path"));
                    assertEquals(200, r.statusCode(), probe + ": " + r.body());
                    assertEquals("UP", JSON.readTree(r.body()).get("status").asText(), probe);
                }
                HttpResponse<String> report = pod.get("/api/report", "Authorization", "Bearer " + TOKEN);
                assertEquals(200, report.statusCode(), report.body());
                JsonNode services = JSON.readTree(report.body()).get("services");
                assertEquals("IN_SYNC", services.get(0).get("status").asText(), report.body());
                assertEquals("PROMOTION_PENDING", services.get(1).get("status").asText(), report.body());
                assertEquals("Bearer " + PAYMENTS_TOKEN, paymentsStaging.requests("/q/health").get(0).header("Authorization"));
                assertEquals(1, slack.requests("/services/T000/B000/K8sSlackHook").size(), "the pending promotion went to Slack");
                assertTrue(Files.exists(EmulatedContainer.at(root, DockerfileTest.STATE_DIR + "/state.json")), "the state is on the volume");

                String ping = "{\"zen\":\"Design for failure.\",\"hook_id\":1}";
                HttpResponse<String> hook = pod.post("/hooks/github", ping, "X-GitHub-Event", "ping",
                        "X-GitHub-Delivery", "k8s-ping-1", "X-Hub-Signature-256", Signatures.github(GITHUB_SECRET, ping),
                        "Content-Type", "application/json");
                assertEquals(200, hook.statusCode(), "the webhook secret from the Secret verifies GitHub's signature: " + hook.body());
                for (String secret : new String[] {TOKEN, PAYMENTS_TOKEN, GITHUB_SECRET, "K8sSlackHook"}) {
                    assertFalse(pod.output().contains(secret), secret + " in the log:\n" + pod.output());
                }
            }
        }
    }

    @Test
    void theSecretsPlaceholdersStopStartUpNamingTheKey(@TempDir Path root) throws Exception {
        Map<String, String> env = deploy(root, Map.of());
        map(Manifests.load(Manifests.DIR.resolve("secret.yaml")).get("stringData")).forEach((k, v) -> env.put(k, (String) v));
        EmulatedContainer.Exit r = EmulatedContainer.run(image, root, env).exit();
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("Invalid envparity configuration:\n  - parity.notify.targets.team-chat.url: "), r.err());
    }
}
