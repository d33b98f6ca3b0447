package dev.envparity.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.NameIterator;

/**
 * Every {@code parity.*} key users may write, with the kind of value it takes: which names are known, what a value
 * must look like, and which known key a misspelt one was meant to be. {@code *} stands for a name users choose (a
 * service, a target, a header); {@code [n]} list indexes are ignored. {@code ConfigKeysTest} keeps this table and
 * {@link ParityConfig} in step.
 */
public final class ConfigKeys {
    private static final String PREFIX = "parity.";
    private static final Map<List<String>, ValueKind> PATTERNS = new LinkedHashMap<>();
    private static final Map<String, ValueKind> KEYS = table(
            "environments", ValueKind.LIST,
            "defaults.preset", ValueKind.TEXT,
            "defaults.timeout", ValueKind.DURATION,
            "defaults.owner.name", ValueKind.TEXT,
            "defaults.owner.slack", ValueKind.TEXT,
            "defaults.owner.discord", ValueKind.TEXT,
            "defaults.owner.mattermost", ValueKind.TEXT,
            "defaults.owner.google-chat", ValueKind.TEXT,
            "defaults.runbook", ValueKind.TEXT,
            "defaults.rollback", ValueKind.TEXT,
            "defaults.promote-url", ValueKind.TEXT,
            "max-promotion-lag", ValueKind.DURATION,
            "fail-on", ValueKind.TEXT,
            "services.*.preset", ValueKind.TEXT,
            "services.*.urls.*", ValueKind.TEXT,
            "services.*.health-path", ValueKind.TEXT,
            "services.*.version-path", ValueKind.TEXT,
            "services.*.version-pointer", ValueKind.TEXT,
            "services.*.commit-pointer", ValueKind.TEXT,
            "services.*.built-at-pointer", ValueKind.TEXT,
            "services.*.version-header", ValueKind.TEXT,
            "services.*.compare", ValueKind.LIST,
            "services.*.headers.*", ValueKind.TEXT,
            "services.*.timeout", ValueKind.DURATION,
            "services.*.aliases", ValueKind.LIST,
            "services.*.runtime", ValueKind.SWITCHED_LIST,
            "services.*.tls", ValueKind.BOOLEAN,
            "services.*.security-headers", ValueKind.SWITCHED_LIST,
            "services.*.schema", ValueKind.TEXT,
            "services.*.schema-path", ValueKind.TEXT,
            "runtime", ValueKind.SWITCHED_LIST,
            "tls.enabled", ValueKind.BOOLEAN,
            "tls.warn-before", ValueKind.DURATION,
            "tls.critical-before", ValueKind.DURATION,
            "tls.compare", ValueKind.BOOLEAN,
            "security-headers", ValueKind.SWITCHED_LIST,
            "services.*.repository", ValueKind.TEXT,
            "services.*.owner.name", ValueKind.TEXT,
            "services.*.owner.slack", ValueKind.TEXT,
            "services.*.owner.discord", ValueKind.TEXT,
            "services.*.owner.mattermost", ValueKind.TEXT,
            "services.*.owner.google-chat", ValueKind.TEXT,
            "services.*.runbook", ValueKind.TEXT,
            "services.*.rollback", ValueKind.TEXT,
            "services.*.promote-url", ValueKind.TEXT,
            "probe.concurrency", ValueKind.INT,
            "probe.max-body-bytes", ValueKind.LONG,
            "probe.max-redirects", ValueKind.INT,
            "probe.trust-store", ValueKind.TEXT,
            "probe.trust-store-password", ValueKind.TEXT,
            "api.token", ValueKind.TEXT,
            "api.public-badges", ValueKind.BOOLEAN,
            "schedule.cron", ValueKind.CRON,
            "environment-aliases.*", ValueKind.TEXT,
            "hooks.github.secret", ValueKind.TEXT,
            "hooks.github.workflows.*", ValueKind.TEXT,
            "hooks.gitlab.token", ValueKind.TEXT,
            "hooks.argocd.token", ValueKind.TEXT,
            "hooks.generic.secret", ValueKind.WEBHOOK_SECRET,
            "hooks.verify.interval", ValueKind.DURATION,
            "hooks.verify.timeout", ValueKind.DURATION,
            "hooks.verify.debounce", ValueKind.DURATION,
            "hooks.verify.async", ValueKind.TEXT,
            "scm.github.token", ValueKind.TEXT,
            "scm.github.api-url", ValueKind.TEXT,
            "scm.gitlab.token", ValueKind.TEXT,
            "scm.gitlab.api-url", ValueKind.TEXT,
            "scm.timeout", ValueKind.DURATION,
            "aws.region", ValueKind.TEXT,
            "aws.endpoints.*", ValueKind.TEXT,
            "history.retention", ValueKind.DURATION,
            "heartbeat.url", ValueKind.TEXT,
            "heartbeat.fail-url", ValueKind.TEXT,
            "heartbeat.method", ValueKind.TEXT,
            "heartbeat.timeout", ValueKind.DURATION,
            "notify.policy", ValueKind.TEXT,
            "notify.remind-every", ValueKind.DURATION,
            "notify.deadline", ValueKind.DURATION,
            "notify.mention-at", ValueKind.TEXT,
            "notify.state.store", ValueKind.TEXT,
            "notify.state.file", ValueKind.TEXT,
            "notify.state.table", ValueKind.TEXT,
            "notify.mute.*", ValueKind.INSTANT,
            "notify.confirm-after", ValueKind.TEXT,
            "notify.all-clear", ValueKind.CRON,
            "notify.lead-times", ValueKind.CRON,
            "notify.targets.*.type", ValueKind.TEXT,
            "notify.targets.*.url", ValueKind.TEXT,
            "notify.targets.*.min-severity", ValueKind.TEXT,
            "notify.targets.*.services", ValueKind.LIST,
            "notify.targets.*.environments", ValueKind.LIST,
            "notify.targets.*.policy", ValueKind.TEXT,
            "notify.targets.*.secret", ValueKind.WEBHOOK_SECRET);

    private ConfigKeys() {
    }

    private static Map<String, ValueKind> table(Object... pairs) {
        Map<String, ValueKind> keys = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            keys.put(PREFIX + pairs[i], (ValueKind) pairs[i + 1]);
        }
        keys.forEach((key, kind) -> PATTERNS.put(segments(key), kind));
        return keys;
    }

    /** Every known key, {@code *} standing for names users choose. */
    public static Map<String, ValueKind> all() {
        return KEYS;
    }

    /** @return the kind of value the key takes, or empty when it is not a known key */
    public static Optional<ValueKind> kind(String name) {
        if (!name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<String> segments = segments(name);
        return PATTERNS.entrySet().stream().filter(k -> matches(k.getKey(), segments)).map(Map.Entry::getValue).findFirst();
    }

    /** The known key a misspelt one most likely means, with the user's own names in place of {@code *}. */
    public static Optional<String> suggestion(String name) {
        List<String> segments = segments(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (List<String> pattern : PATTERNS.keySet()) {
            if (pattern.size() != segments.size()) {
                continue;
            }
            int distance = 0;
            List<String> named = new ArrayList<>();
            for (int i = 0; i < pattern.size(); i++) {
                boolean chosen = pattern.get(i).equals("*");
                distance += chosen ? 0 : editDistance(pattern.get(i), segments.get(i));
                named.add(chosen ? segments.get(i) : pattern.get(i));
            }
            // Close enough to be a typo: one or two edits, a few more in a long name.
            int allowed = Math.max(2, name.length() / 12);
            if (distance > 0 && distance <= allowed && distance < bestDistance) {
                bestDistance = distance;
                best = String.join(".", named);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Splits a name into segments; quoted segments ({@code workflows."deploy.yml"}) stay whole, list indexes go. */
    static List<String> segments(String name) {
        List<String> segments = new ArrayList<>();
        NameIterator it = new NameIterator(name);
        while (it.hasNext()) {
            String segment = it.getNextSegment();
            int index = segment.indexOf('[');
            segments.add(index > 0 && segment.endsWith("]") ? segment.substring(0, index) : segment);
            it.next();
        }
        return segments;
    }

    private static boolean matches(List<String> pattern, List<String> segments) {
        if (pattern.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < pattern.size(); i++) {
            if (!pattern.get(i).equals("*") && !pattern.get(i).equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
