package dev.envparity.hooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.config.HooksPlan;

/**
 * GitLab deployment events: {@code X-Gitlab-Token} is the hook's secret token, sent as is (GitLab docs, "Webhooks";
 * no body signature), compared in constant time; {@code X-Gitlab-Webhook-UUID} / {@code Idempotency-Key} name the
 * delivery. The full commit id is the last segment of {@code commit_url}.
 */
@ApplicationScoped
public class GitLabHook implements DeployHook {
    private final Optional<String> token;

    @Inject
    public GitLabHook(HooksPlan plan) {
        this(plan.gitlabToken());
    }

    GitLabHook(Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank());
    }

    @Override
    public String provider() {
        return "gitlab";
    }

    @Override
    public Optional<String> verify(HookRequest request, Instant now) {
        if (token.isEmpty()) {
            return Optional.of("GitLab webhooks are not enabled: set parity.hooks.gitlab.token");
        }
        Optional<String> given = request.header("x-gitlab-token");
        if (given.isEmpty()) {
            return Optional.of("missing X-Gitlab-Token (set the webhook's secret token in GitLab)");
        }
        return DeployHook.same(token.get(), given.get()) ? Optional.empty() : Optional.of("X-Gitlab-Token is not the configured token");
    }

    @Override
    public Optional<String> deliveryId(HookRequest request, JsonNode body) {
        return request.header("idempotency-key").or(() -> request.header("x-gitlab-webhook-uuid"));
    }

    @Override
    public Duration replayWindow() {
        return Duration.ofDays(3);
    }

    @Override
    public Parsed parse(HookRequest request, JsonNode body) {
        String kind = DeployHook.required(body, "/object_kind"); // every GitLab webhook body names its kind
        if (!kind.equals("deployment")) {
            return Parsed.ignored("GitLab event '" + request.header("x-gitlab-event").orElse(kind)
                    + "' is not handled; enable Deployment events");
        }
        String status = DeployHook.required(body, "/status");
        List<String> names = new ArrayList<>();
        names.add(DeployHook.required(body, "/project/path_with_namespace"));
        Optional.ofNullable(DeployHook.text(body, "/project/name")).ifPresent(names::add);
        String environment = DeployHook.required(body, "/environment");
        if (!status.equals("success")) {
            return Parsed.ignored("deployment status is '" + status + "'; only successful deployments are verified");
        }
        String commit = DeployHook.text(body, "/short_sha");
        String url = DeployHook.text(body, "/commit_url");
        if (url != null && url.matches(".*/[0-9a-fA-F]{40}$")) {
            commit = url.substring(url.length() - 40);
        }
        return Parsed.deploy(new DeployNotice("gitlab", names, environment, DeployHook.text(body, "/environment_tier"),
                DeployHook.versionOrNull(DeployHook.text(body, "/ref")), commit));
    }
}
