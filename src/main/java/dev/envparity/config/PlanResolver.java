package dev.envparity.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;

import dev.envparity.report.Ownership;
import dev.envparity.report.Severity;

/**
 * Checks {@link ParityConfig} and resolves it into a {@link CheckPlan}. Collects every problem instead of
 * stopping at the first, so a user fixes their file in one go.
 */
public final class PlanResolver {
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** The HTTP client sets these itself. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private final Problems problems;

    private PlanResolver(Problems problems) {
        this.problems = problems;
    }

    /** The check plan alone (tests, tools). */
    public static CheckPlan resolve(ParityConfig config) {
        return resolveAll(config, RawSettings.NONE).check();
    }

    public static CheckPlan resolve(ParityConfig config, RawSettings settings) {
        return resolveAll(config, settings).check();
    }

    /**
     * Every part of the configuration, each key checked in one place (the plan it belongs to), every problem reported
     * at once.
     *
     * @param settings the settings as written; values the mapping could not take reached it as stand-ins (see
     *        {@link ConfigGuard}), so their problems are reported here, and the meaning of those keys is not checked
     */
    public static Plans resolveAll(ParityConfig config, RawSettings settings) {
        Problems problems = new Problems();
        SettingsCheck.problems(settings).forEach(problems::malformed);
        CheckPlan check = new PlanResolver(problems).plan(config);
        Plans plans = new Plans(check, HooksPlan.resolve(config.hooks(), check.environments(), check.environmentAliases(), problems),
                ApiPlan.resolve(config.api(), problems), StatePlan.resolve(config.notifications().state(), problems),
                AwsSettings.resolve(config.aws(), problems), HistoryPlan.resolve(config.history(), problems),
                HeartbeatPlan.resolve(config.heartbeat(), problems), SchedulePlan.resolve(config.schedule()),
                ScmPlan.resolve(config.scm(), problems));
        problems.throwIfAny();
        return plans;
    }

    private CheckPlan plan(ParityConfig config) {
        List<String> environments = environments(config.environments());
        Optional<Preset> defaultPreset = preset("parity.defaults.preset", config.defaults().preset());
        Duration defaultTimeout = timeout("parity.defaults.timeout", config.defaults().timeout());
        TlsRules tls = TlsRules.resolve(config.tls(), problems);
        ServiceChecks.Defaults checks = ServiceChecks.Defaults.resolve(config, tls.enabled(), problems);
        if (config.maxPromotionLag().isNegative() || config.maxPromotionLag().isZero()) {
            problem("parity.max-promotion-lag: must be positive, e.g. 72h");
        }
        Optional<Severity> failOn = failOn(config.failOn());

        if (config.services().isEmpty()) {
            problem("parity.services: no services configured; add at least one under parity.services.<name>.urls");
        }
        List<ServiceSpec> services = new ArrayList<>();
        OwnershipResolver ownership = new OwnershipResolver(config.defaults(), problems);
        // Sorted for a stable report order; config maps do not keep file order.
        new TreeMap<>(config.services()).forEach((name, s) -> service(name, s, environments,
                defaultPreset.orElse(Preset.SPRING_BOOT), defaultTimeout, checks, ownership).ifPresent(services::add));
        checkAliases(services);

        Map<String, String> aliases = new LinkedHashMap<>();
        config.environmentAliases().forEach((alias, env) -> {
            if (!environments.contains(env)) {
                problem("parity.environment-aliases." + alias + ": '" + env + "' is not one of parity.environments " + environments);
            } else {
                aliases.put(alias, env);
            }
        });

        ParityConfig.Probe p = config.probe();
        if (p.concurrency() < 1) {
            problem("parity.probe.concurrency: must be at least 1");
        }
        if (p.maxBodyBytes() < 1024) {
            problem("parity.probe.max-body-bytes: must be at least 1024");
        }
        if (p.maxRedirects() < 0) {
            problem("parity.probe.max-redirects: must be 0 or more");
        }
        return new CheckPlan(environments, List.copyOf(services), config.maxPromotionLag(), failOn,
                new CheckPlan.ProbeSettings(p.concurrency(), p.maxBodyBytes(), p.maxRedirects(),
                        p.trustStore().orElse(null), p.trustStorePassword().orElse(null)),
                Collections.unmodifiableMap(aliases), tls);
    }

    private List<String> environments(Optional<List<String>> configured) {
        if (configured.isEmpty()) {
            problem("parity.environments: missing; no envparity configuration was found. Pass yours with "
                    + "-Dquarkus.config.locations=parity.yaml, or try the built-in demo with -Dquarkus.profile=demo");
            return List.of();
        }
        List<String> envs = configured.get();
        if (envs.size() < 2) {
            problem("parity.environments: list at least two environments in promotion order, upstream first, "
                    + "e.g. [staging, production]");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String e : envs) {
            if (e.isBlank()) {
                problem("parity.environments: an environment name is empty");
            } else if (!seen.add(e)) {
                problem("parity.environments: '" + e + "' is listed twice");
            }
        }
        return List.copyOf(seen);
    }

    private Optional<ServiceSpec> service(String name, ParityConfig.Service s, List<String> environments,
            Preset defaultPreset, Duration defaultTimeout, ServiceChecks.Defaults defaultChecks, OwnershipResolver owners) {
        String key = "parity.services." + name;
        int before = problems.count();
        Preset preset = s.preset().flatMap(id -> preset(key + ".preset", id)).orElse(defaultPreset);

        Map<String, URI> urls = new LinkedHashMap<>();
        for (String env : s.urls().keySet()) {
            if (!environments.contains(env)) {
                problem(key + ".urls." + env + ": '" + env + "' is not one of parity.environments " + environments);
            }
        }
        for (String env : environments) {
            String raw = s.urls().get(env);
            if (raw == null || raw.isBlank()) {
                problem(key + ".urls." + env + ": missing; every service needs a base URL for each environment");
            } else {
                baseUrl(key + ".urls." + env, raw).ifPresent(u -> urls.put(env, u));
            }
        }

        String healthPath = path(key + ".health-path", s.healthPath().orElse(preset.healthPath));
        String versionPath = path(key + ".version-path", s.versionPath().orElse(preset.versionPath));
        String versionPointer = s.versionPointer().orElse(preset.versionPointer);
        if (!versionPointer.isEmpty()) {
            pointer(key + ".version-pointer", versionPointer);
        }
        String commitPointer = s.commitPointer().orElse(preset.commitPointer);
        if (commitPointer != null) {
            pointer(key + ".commit-pointer", commitPointer);
        }
        String builtAtPointer = s.builtAtPointer().orElse(preset.builtAtPointer);
        if (builtAtPointer != null) {
            pointer(key + ".built-at-pointer", builtAtPointer);
        }
        List<String> compare = s.compare().orElse(List.of());
        for (int i = 0; i < compare.size(); i++) {
            pointer(key + ".compare[" + i + "]", compare.get(i));
        }
        String versionHeader = s.versionHeader().orElse(null);
        if (versionHeader != null && !HEADER_NAME.matcher(versionHeader).matches()) {
            problem(key + ".version-header: not a valid header name");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        s.headers().forEach((h, v) -> {
            if (!HEADER_NAME.matcher(h).matches()) {
                problem(key + ".headers." + h + ": not a valid header name");
            } else if (RESTRICTED_HEADERS.contains(h.toLowerCase(Locale.ROOT))) {
                problem(key + ".headers." + h + ": this header is set by the HTTP client and cannot be configured");
            } else if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                problem(key + ".headers." + h + ": the value contains a line break");
            } else {
                headers.put(h, v);
            }
        });
        Duration timeout = s.timeout().map(t -> timeout(key + ".timeout", t)).orElse(defaultTimeout);
        List<String> aliases = s.aliases().orElse(List.of());
        ServiceChecks checks = ServiceChecks.resolve(key, s, preset, defaultChecks, problems);
        Repository repository = s.repository().filter(r -> !r.isBlank()).map(r -> Repository.parse(r).orElseGet(() -> {
            problem(key + ".repository: use github:<owner>/<repo> or gitlab:<group>/<project>");
            return null;
        })).orElse(null);
        Ownership ownership = owners.ownership(key, name, s);
        String promoteUrl = owners.promoteUrl(key, s);

        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new ServiceSpec(name, Collections.unmodifiableMap(urls), healthPath,
                versionPath, versionPointer, commitPointer, builtAtPointer, versionHeader, List.copyOf(compare),
                Collections.unmodifiableMap(headers), timeout, List.copyOf(aliases), checks, repository, ownership, promoteUrl));
    }

    private void checkAliases(List<ServiceSpec> services) {
        Map<String, String> owner = new HashMap<>();
        services.forEach(s -> owner.put(s.name(), s.name()));
        for (ServiceSpec s : services) {
            for (String alias : s.aliases()) {
                String previous = owner.putIfAbsent(alias, s.name());
                if (previous != null && !previous.equals(s.name())) {
                    problem("parity.services." + s.name() + ".aliases: '" + alias + "' already names service "
                            + previous);
                }
            }
        }
    }

    private Optional<URI> baseUrl(String key, String raw) {
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            problem(key + ": not a valid URL (" + e.getReason() + ")");
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            problem(key + ": must start with http:// or https://");
        } else if (uri.getHost() == null) {
            problem(key + ": has no host name");
        } else if (uri.getRawUserInfo() != null) {
            // Credentials in URLs end up in logs and reports; headers are kept secret instead.
            problem(key + ": credentials in the URL are not supported; send them with headers (Authorization)");
        } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problem(key + ": a base URL must not carry a query or fragment; set paths with health-path/version-path");
        } else {
            return Optional.of(uri);
        }
        return Optional.empty();
    }

    private String path(String key, String path) {
        if (!path.startsWith("/")) {
            problem(key + ": must start with '/'");
        } else if (!ServiceSpec.isUrlPath(path)) {
            problem(key + ": not a valid URL path; escape spaces and special characters (%20)");
        }
        return path;
    }

    private void pointer(String key, String pointer) {
        try {
            JsonPointer.compile(pointer);
            if (pointer.isEmpty()) {
                problem(key + ": must not be empty; a JSON Pointer starts with '/', e.g. /build/version");
            }
        } catch (IllegalArgumentException e) {
            problem(key + ": not a JSON Pointer (RFC 6901); it starts with '/', e.g. /build/version");
        }
    }

    private Optional<Preset> preset(String key, String id) {
        Optional<Preset> p = Preset.byId(id);
        if (p.isEmpty()) {
            problem(key + ": unknown preset; use one of " + Preset.ids());
        }
        return p;
    }

    private Duration timeout(String key, Duration t) {
        if (t.isZero() || t.isNegative() || t.compareTo(MAX_TIMEOUT) > 0) {
            problem(key + ": must be between 1ms and " + MAX_TIMEOUT.toSeconds() + "s");
        }
        return t;
    }

    private Optional<Severity> failOn(String value) {
        if (value.equals("never")) {
            return Optional.empty();
        }
        Optional<Severity> s = Severity.byId(value);
        if (s.isEmpty()) {
            problem("parity.fail-on: unknown severity; use ok, info, warning, critical or never");
        }
        return s.or(() -> Optional.of(Severity.WARNING));
    }

    private void problem(String message) {
        problems.add(message);
    }
}
