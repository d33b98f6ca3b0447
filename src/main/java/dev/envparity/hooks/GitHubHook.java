package dev.envparity.hooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.config.HooksPlan;
import dev.envparity.crypto.Crypto;

/**
 * GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>} (GitHub docs, "Validating webhook
 * deliveries"); replays refused by {@code X-GitHub-Delivery}, which redeliveries keep. Handles
 * {@code deployment_status} (state success) and {@code workflow_run} (completed, success; the workflow is mapped
 * to an environment by {@code parity.hooks.github.workflows}); answers {@code ping}.
 */
@ApplicationScoped
public class GitHubHook implements DeployHook {
    private final Optional<String> secret;
    private final Map<String, String> workflows;

    @Inject
    public GitHubHook(HooksPlan plan) {
        this(plan.githubSecret(), plan.githubWorkflows());
    }

    public GitHubHook(Optional<String> secret, Map<String, String> workflows) {
        this.secret = secret.filter(s -> !s.isBlank());
        this.workflows = Map.copyOf(workflows);
    }

    @Override
    public String provider() {
        return "github";
    }

    @Override
    public Optional<String> verify(HookRequest request, Instant now) {
        if (secret.isEmpty()) {
            return Optional.of("GitHub webhooks are not enabled: set parity.hooks.github.secret");
        }
        Optional<String> given = request.header("x-hub-signature-256");
        if (given.isEmpty() || !given.get().startsWith("sha256=")) {
            return Optional.of("missing X-Hub-Signature-256 (set the webhook's secret in GitHub)");
        }
        String expected = "sha256=" + hmacHex(secret.get(), request.body());
        return DeployHook.same(expected, given.get().toLowerCase(java.util.Locale.ROOT)) ? Optional.empty()
                : Optional.of("X-Hub-Signature-256 does not match the body");
    }

    static String hmacHex(String secret, byte[] body) {
        return HexFormat.of().formatHex(Crypto.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    @Override
    public Optional<String> deliveryId(HookRequest request, JsonNode body) {
        return request.header("x-github-delivery");
    }

    @Override
    public Duration replayWindow() {
        return Duration.ofDays(3);
    }

    @Override
    public Parsed parse(HookRequest request, JsonNode body) {
        String event = request.header("x-github-event").orElse("");
        return switch (event) {
            case "ping" -> Parsed.ping();
            case "deployment_status" -> deploymentStatus(body);
            case "workflow_run" -> workflowRun(body);
            default -> Parsed.ignored("GitHub event '" + event + "' is not handled; subscribe to deployment_status or workflow_run");
        };
    }

    private Parsed deploymentStatus(JsonNode body) {
        String state = DeployHook.required(body, "/deployment_status/state");
        List<String> names = repository(body);
        String environment = Optional.ofNullable(DeployHook.text(body, "/deployment_status/environment"))
                .orElseGet(() -> DeployHook.required(body, "/deployment/environment"));
        if (!state.equals("success")) {
            return Parsed.ignored("deployment state is '" + state + "'; only successful deployments are verified");
        }
        String version = Optional.ofNullable(DeployHook.text(body, "/deployment/payload/version"))
                .orElse(DeployHook.versionOrNull(DeployHook.text(body, "/deployment/ref")));
        return Parsed.deploy(new DeployNotice("github", names, environment, null, version,
                DeployHook.text(body, "/deployment/sha")));
    }

    private Parsed workflowRun(JsonNode body) {
        String action = DeployHook.required(body, "/action");
        List<String> names = repository(body);
        String name = DeployHook.required(body, "/workflow_run/name");
        String path = Optional.ofNullable(DeployHook.text(body, "/workflow_run/path")).orElse("");
        if (!action.equals("completed")) {
            return Parsed.ignored("workflow run is '" + action + "'; only completed runs are verified");
        }
        String conclusion = Optional.ofNullable(DeployHook.text(body, "/workflow_run/conclusion")).orElse("none");
        if (!conclusion.equals("success")) {
            return Parsed.ignored("workflow run concluded '" + conclusion + "'; only successful runs are verified");
        }
        String file = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
        String environment = workflows.getOrDefault(name, workflows.get(file));
        if (environment == null) {
            return Parsed.ignored("workflow '" + name + "' (" + path + ") is not mapped to an environment; "
                    + "add it to parity.hooks.github.workflows");
        }
        return Parsed.deploy(new DeployNotice("github", names, environment, null, null,
                DeployHook.text(body, "/workflow_run/head_sha")));
    }

    private static List<String> repository(JsonNode body) {
        List<String> names = new ArrayList<>();
        names.add(DeployHook.required(body, "/repository/full_name"));
        Optional.ofNullable(DeployHook.text(body, "/repository/name")).ifPresent(names::add);
        return names;
    }
}
