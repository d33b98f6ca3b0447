package dev.envparity.notify;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.envparity.config.CheckPlan;
import dev.envparity.config.InvalidConfigException;
import dev.envparity.config.ParityConfig;
import dev.envparity.config.SecretUrls;
import dev.envparity.config.ServiceSpec;
import dev.envparity.report.Severity;

/** Checks {@code parity.notify.*} against the registered platforms and the configured services. */
final class NotifyPlanResolver {
    private static final Duration MAX_DEADLINE = Duration.ofMinutes(10);

    private final List<String> problems = new ArrayList<>();

    private NotifyPlanResolver() {
    }

    static NotifyPlan resolve(ParityConfig.Notify config, CheckPlan plan, Map<String, Notifier<?>> notifiers) {
        NotifyPlanResolver r = new NotifyPlanResolver();
        NotifyPlan result = r.plan(config, plan, notifiers);
        if (!r.problems.isEmpty()) {
            throw new InvalidConfigException(r.problems);
        }
        return result;
    }

    private NotifyPlan plan(ParityConfig.Notify config, CheckPlan plan, Map<String, Notifier<?>> notifiers) {
        Target.Policy policy = policy("parity.notify.policy", config.policy());
        if (config.remindEvery().isNegative() || config.remindEvery().isZero()) {
            problems.add("parity.notify.remind-every: must be positive, e.g. 24h");
        }
        if (config.deadline().isNegative() || config.deadline().isZero() || config.deadline().compareTo(MAX_DEADLINE) > 0) {
            problems.add("parity.notify.deadline: must be between 1s and 10m, and below the Lambda timeout");
        }
        Set<String> services = plan.services().stream().map(ServiceSpec::name).collect(Collectors.toSet());
        config.mute().keySet().stream().filter(s -> !services.contains(s)).sorted().forEach(s -> problems.add(
                "parity.notify.mute." + s + ": no service named '" + s + "' in parity.services"));
        List<Target> targets = new ArrayList<>();
        new TreeMap<>(config.targets()).forEach((name, t) -> target(name, t, policy, plan, services, notifiers)
                .ifPresent(targets::add));
        Optional<Severity> mentionAt = config.mentionAt().equals("never") ? Optional.empty() : Severity.byId(config.mentionAt());
        if (!config.mentionAt().equals("never") && mentionAt.isEmpty()) {
            problems.add("parity.notify.mention-at: unknown severity; use ok, info, warning, critical or never");
        }
        ConfirmAfter confirm = config.confirmAfter().filter(c -> !c.isBlank()).map(c -> ConfirmAfter.parse(c).orElseGet(() -> {
            problems.add("parity.notify.confirm-after: write a number of checks or a duration, e.g. \"2 checks\" or 10m");
            return ConfirmAfter.AT_ONCE;
        })).orElse(ConfirmAfter.AT_ONCE);
        return new NotifyPlan(policy, config.remindEvery(), config.deadline(), Map.copyOf(config.mute()), List.copyOf(targets),
                mentionAt, confirm);
    }

    private Optional<Target> target(String name, ParityConfig.Notify.Target t, Target.Policy defaultPolicy,
            CheckPlan plan, Set<String> services, Map<String, Notifier<?>> notifiers) {
        String key = "parity.notify.targets." + name;
        int before = problems.size();
        Notifier<?> notifier = notifiers.get(t.type());
        if (notifier == null) {
            problems.add(key + ".type: unknown type '" + t.type() + "'; use one of "
                    + String.join(", ", new TreeMap<>(notifiers).keySet()));
            return Optional.empty();
        }
        URI url = null;
        if (notifier.needsUrl()) {
            url = url(key + ".url", t.type(), t.url(), notifier);
        }
        Severity min = Severity.byId(t.minSeverity()).orElse(null);
        if (min == null) {
            problems.add(key + ".min-severity: unknown severity '" + t.minSeverity() + "'; use ok, info, warning or critical");
        }
        Set<String> only = new LinkedHashSet<>(t.services().orElse(List.of()));
        only.stream().filter(s -> !services.contains(s)).forEach(s -> problems.add(
                key + ".services: no service named '" + s + "' in parity.services"));
        Set<String> envs = new LinkedHashSet<>(t.environments().orElse(List.of()));
        envs.stream().filter(e -> !plan.environments().contains(e)).forEach(e -> problems.add(
                key + ".environments: '" + e + "' is not one of parity.environments " + plan.environments()));
        Target.Policy policy = t.policy().map(p -> policy(key + ".policy", p)).orElse(defaultPolicy);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Target(name, t.type(), url, min, Set.copyOf(only), Set.copyOf(envs), policy,
                t.secret().filter(s -> !s.isBlank()).orElse(null)));
    }

    /** The URL is a secret: no message here repeats it. */
    private URI url(String key, String type, Optional<String> raw, Notifier<?> notifier) {
        if (raw.isEmpty() || raw.get().isBlank()) {
            problems.add(key + ": missing; a " + type + " target needs its webhook URL, e.g. url: ${"
                    + type.toUpperCase(Locale.ROOT).replace('-', '_') + "_WEBHOOK_URL}");
            return null;
        }
        Optional<String> problem = SecretUrls.problem(raw.get());
        if (problem.isPresent()) {
            problems.add(key + ": " + problem.get());
            return null;
        }
        URI url = URI.create(raw.get().trim());
        Optional<String> platformProblem = notifier.checkUrl(url);
        platformProblem.ifPresent(p -> problems.add(key + ": " + p));
        return platformProblem.isPresent() ? null : url;
    }

    private Target.Policy policy(String key, String id) {
        Target.Policy p = Target.Policy.byId(id);
        if (p == null) {
            problems.add(key + ": unknown policy '" + id + "'; use always, on-change or never");
            return Target.Policy.ON_CHANGE;
        }
        return p;
    }
}
