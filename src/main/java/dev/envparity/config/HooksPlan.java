package dev.envparity.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploy webhooks, checked: each provider's secret or token (a provider without one is refused with 401), the
 * GitHub workflows mapped to environments, and how a deploy is verified.
 *
 * @param githubWorkflows workflow name or file to one of our environments (or an alias of one)
 */
public record HooksPlan(Optional<String> githubSecret, Map<String, String> githubWorkflows, Optional<String> gitlabToken,
        Optional<String> argocdToken, Optional<String> genericSecret, Verify verify) {

    /** A Lambda invocation ends after 15 minutes; the rollout wait must end before. */
    private static final Duration MAX_ROLLOUT_WAIT = Duration.ofMinutes(14);
    private static final Duration MAX_DEBOUNCE = Duration.ofMinutes(5);

    /**
     * @param interval between two looks at the deployed environment
     * @param timeout give up waiting for the rollout after this long
     * @param debounce deploy events for one service and environment within this window make one verification
     */
    public record Verify(Duration interval, Duration timeout, Duration debounce, Async async) {
    }

    /** Where a verification waits out its debounce window and runs. */
    public enum Async {
        /** The Lambda function invokes itself when running on Lambda; in this process elsewhere. */
        AUTO,
        IN_PROCESS,
        LAMBDA;

        static Optional<Async> byId(String id) {
            return switch (id) {
                case "auto" -> Optional.of(AUTO);
                case "in-process" -> Optional.of(IN_PROCESS);
                case "lambda" -> Optional.of(LAMBDA);
                default -> Optional.empty();
            };
        }
    }

    static HooksPlan resolve(ParityConfig.Hooks hooks, List<String> environments, Map<String, String> aliases,
            Problems problems) {
        hooks.github().workflows().forEach((workflow, env) -> {
            if (!environments.isEmpty() && !environments.contains(env) && !aliases.containsKey(env)) {
                problems.add("parity.hooks.github.workflows." + workflow + ": not one of parity.environments " + environments
                        + " or parity.environment-aliases");
            }
        });
        ParityConfig.Hooks.Verify v = hooks.verify();
        if (v.timeout().compareTo(MAX_ROLLOUT_WAIT) > 0 || v.timeout().isNegative()) {
            problems.add("parity.hooks.verify.timeout: must be at most 14m (a Lambda invocation ends after 15 minutes)");
        }
        if (v.interval().isZero() || v.interval().isNegative() || v.interval().compareTo(v.timeout()) > 0) {
            problems.add("parity.hooks.verify.interval: must be positive and at most parity.hooks.verify.timeout");
        }
        if (v.debounce().isNegative() || v.debounce().compareTo(MAX_DEBOUNCE) > 0) {
            problems.add("parity.hooks.verify.debounce: must be between 0s and 5m");
        }
        Optional<Async> async = Async.byId(v.async());
        if (async.isEmpty()) {
            problems.add("parity.hooks.verify.async: unknown mode; use auto, in-process or lambda");
        }
        return new HooksPlan(secret(hooks.github().secret()), Map.copyOf(hooks.github().workflows()),
                secret(hooks.gitlab().token()), secret(hooks.argocd().token()), secret(hooks.generic().secret()),
                new Verify(v.interval(), v.timeout(), v.debounce(), async.orElse(Async.AUTO)));
    }

    /** Empty, as {@code ${GITHUB_WEBHOOK_SECRET:}} is when the variable is unset, means the provider is off. */
    private static Optional<String> secret(Optional<String> configured) {
        return configured.filter(s -> !s.isBlank());
    }

    /** Never the secrets. */
    @Override
    public String toString() {
        return "HooksPlan[github=" + on(githubSecret) + ", gitlab=" + on(gitlabToken) + ", argocd=" + on(argocdToken)
                + ", generic=" + on(genericSecret) + ", workflows=" + githubWorkflows + ", verify=" + verify + "]";
    }

    private static String on(Optional<String> secret) {
        return secret.isPresent() ? "on" : "off";
    }
}
