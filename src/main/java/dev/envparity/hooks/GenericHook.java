package dev.envparity.hooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.config.HooksPlan;
import dev.envparity.crypto.StandardWebhooks;

/**
 * Any sender that can sign (CI scripts, Bitbucket Pipelines, Jenkins): Standard Webhooks —
 * {@code webhook-id}, {@code webhook-timestamp} within 5 minutes of now, {@code webhook-signature} with one or
 * more {@code v1,<base64>} entries (several allow secret rotation). Body:
 * {@code {"service","environment","version","sha","status"}}.
 */
@ApplicationScoped
public class GenericHook implements DeployHook {
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final Optional<String> secret;

    @Inject
    public GenericHook(HooksPlan plan) {
        this(plan.genericSecret());
    }

    GenericHook(Optional<String> secret) {
        this.secret = secret.filter(s -> !s.isBlank());
    }

    @Override
    public String provider() {
        return "generic";
    }

    @Override
    public Optional<String> verify(HookRequest request, Instant now) {
        if (secret.isEmpty()) {
            return Optional.of("generic webhooks are not enabled: set parity.hooks.generic.secret");
        }
        Optional<String> id = request.header("webhook-id");
        Optional<String> timestamp = request.header("webhook-timestamp");
        Optional<String> signatures = request.header("webhook-signature");
        if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty()) {
            return Optional.of("missing webhook-id, webhook-timestamp or webhook-signature (Standard Webhooks)");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.get());
        } catch (NumberFormatException e) {
            return Optional.of("webhook-timestamp is not a number of seconds");
        }
        String expected;
        try {
            expected = StandardWebhooks.sign(StandardWebhooks.key(secret.get()), id.get(), seconds, request.body());
        } catch (IllegalArgumentException badKey) {
            return Optional.of("parity.hooks.generic.secret is not valid base64 after whsec_");
        }
        boolean match = false;
        for (String candidate : signatures.get().split(" ")) {
            match |= DeployHook.same(expected, candidate.trim());
        }
        if (!match) {
            return Optional.of("webhook-signature does not match");
        }
        // Compared as numbers, not Instants: any long may arrive, and Instant.ofEpochSecond(Long.MAX_VALUE) throws.
        long earliest = now.getEpochSecond() - TOLERANCE.toSeconds();
        long latest = now.getEpochSecond() + TOLERANCE.toSeconds();
        if (seconds < earliest || seconds > latest) {
            return Optional.of("webhook-timestamp is more than 5 minutes away from now");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> deliveryId(HookRequest request, JsonNode body) {
        return request.header("webhook-id");
    }

    @Override
    public Duration replayWindow() {
        return TOLERANCE.multipliedBy(2);
    }

    @Override
    public Parsed parse(HookRequest request, JsonNode body) {
        String service = DeployHook.required(body, "/service");
        String environment = DeployHook.required(body, "/environment");
        String status = Optional.ofNullable(DeployHook.text(body, "/status")).orElse("success");
        if (!status.equals("success")) {
            return Parsed.ignored("status is '" + status + "'; only successful deploys are verified");
        }
        String commit = Optional.ofNullable(DeployHook.text(body, "/sha")).orElse(DeployHook.text(body, "/commit"));
        return Parsed.deploy(new DeployNotice("generic", List.of(service), environment, null,
                DeployHook.text(body, "/version"), commit));
    }
}
