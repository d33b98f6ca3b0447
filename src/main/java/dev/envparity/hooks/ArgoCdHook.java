package dev.envparity.hooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.config.HooksPlan;

/**
 * Argo CD Notifications' webhook service with the template in the README: {@code Authorization: Bearer <token>}
 * (Argo CD can only send static headers, no signature). The application is the service; the environment is the
 * template's {@code environment} or the destination namespace. {@code revision} is the manifests' Git revision,
 * not the application's, so the version comes from {@code version} or the image tag ({@code image}). Argo CD
 * sends no delivery id; the same application, revision and phase within 10 minutes is a replay.
 */
@ApplicationScoped
public class ArgoCdHook implements DeployHook {
    private final Optional<String> token;

    @Inject
    public ArgoCdHook(HooksPlan plan) {
        this(plan.argocdToken());
    }

    ArgoCdHook(Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank());
    }

    @Override
    public String provider() {
        return "argocd";
    }

    @Override
    public Optional<String> verify(HookRequest request, Instant now) {
        if (token.isEmpty()) {
            return Optional.of("Argo CD webhooks are not enabled: set parity.hooks.argocd.token");
        }
        Optional<String> auth = request.header("authorization");
        if (auth.isEmpty() || !auth.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of("missing Authorization: Bearer <token>");
        }
        return DeployHook.same(token.get(), auth.get().substring(7).trim()) ? Optional.empty()
                : Optional.of("the bearer token is not the configured token");
    }

    @Override
    public Optional<String> deliveryId(HookRequest request, JsonNode body) {
        return Optional.of(DeployHook.text(body, "/app") + "|" + DeployHook.text(body, "/revision") + "|"
                + DeployHook.text(body, "/phase") + "|" + DeployHook.text(body, "/environment") + "|"
                + DeployHook.text(body, "/namespace"));
    }

    @Override
    public Duration replayWindow() {
        return Duration.ofMinutes(10);
    }

    @Override
    public Parsed parse(HookRequest request, JsonNode body) {
        String app = DeployHook.required(body, "/app");
        String environment = Optional.ofNullable(DeployHook.text(body, "/environment"))
                .orElseGet(() -> DeployHook.required(body, "/namespace"));
        String phase = Optional.ofNullable(DeployHook.text(body, "/phase")).orElse("Succeeded");
        String health = Optional.ofNullable(DeployHook.text(body, "/health")).orElse("Healthy");
        if (!phase.equals("Succeeded") || !health.equals("Healthy")) {
            return Parsed.ignored("sync phase is '" + phase + "' and health '" + health
                    + "'; only Succeeded and Healthy deploys are verified");
        }
        String version = Optional.ofNullable(DeployHook.text(body, "/version")).orElseGet(() -> tag(DeployHook.text(body, "/image")));
        return Parsed.deploy(new DeployNotice("argocd", List.of(app), environment, null, version, DeployHook.text(body, "/commit")));
    }

    /** "registry.example.com/acme/checkout:2.4.1" → "2.4.1"; digests and "latest" carry no version. */
    static String tag(String image) {
        if (image == null || image.contains("@")) {
            return null;
        }
        int colon = image.lastIndexOf(':');
        if (colon < 0 || colon < image.lastIndexOf('/')) {
            return null;
        }
        return DeployHook.versionOrNull(image.substring(colon + 1));
    }
}
