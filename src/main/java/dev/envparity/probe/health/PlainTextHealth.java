package dev.envparity.probe.health;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.envparity.report.Health;

/**
 * Text answers: a single status word, any case ("ok", "UP", ASP.NET Core's "Healthy" / "Degraded" / "Unhealthy",
 * the words of {@link Health#fromWord}, and the liveness replies "pong" and "alive"), or the Kubernetes verbose
 * form ({@code [+]ping ok}, {@code [-]etcd failed: reason withheld}, then {@code healthz check failed}); see
 * kubernetes.io "Kubernetes API health endpoints". Any other text is not a health answer.
 */
public final class PlainTextHealth {
    /** Replies of /ping- and /alive-style endpoints: they answer only when the process is up. */
    private static final Set<String> LIVENESS_WORDS = Set.of("pong", "alive");
    private static final Pattern K8S_LINE = Pattern.compile("^\\[([+-])]([^\\s]+)\\s.*$", Pattern.MULTILINE);
    private static final Pattern K8S_VERDICT = Pattern.compile("(?m)^\\S+ check (passed|failed)\\s*$");

    private PlainTextHealth() {
    }

    public static Optional<HealthReading> read(String text) {
        String body = text.strip();
        if (body.isEmpty() || body.length() > 64 * 1024) {
            return Optional.empty();
        }
        Matcher lines = K8S_LINE.matcher(body);
        Map<String, Health> checks = new LinkedHashMap<>();
        while (lines.find()) {
            checks.put(lines.group(2), lines.group(1).equals("+") ? Health.UP : Health.DOWN);
        }
        Matcher verdict = K8S_VERDICT.matcher(body);
        if (!checks.isEmpty() || verdict.find()) {
            boolean failed = checks.containsValue(Health.DOWN) || body.contains("check failed");
            return Optional.of(new HealthReading(failed ? Health.DOWN : Health.UP, checks));
        }
        if (body.indexOf('\n') < 0 && body.length() <= 32) {
            Health word = LIVENESS_WORDS.contains(body.toLowerCase(Locale.ROOT)) ? Health.UP : Health.fromWord(body);
            if (word != Health.UNKNOWN) {
                return Optional.of(new HealthReading(word, Map.of()));
            }
        }
        return Optional.empty();
    }
}
