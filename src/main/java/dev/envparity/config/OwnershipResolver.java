package dev.envparity.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.envparity.report.Owner;
import dev.envparity.report.Ownership;
import dev.envparity.report.Promotion;

/**
 * Checks who owns each service and where its runbook, rollback note and promote link are: the service's own
 * {@code owner}, {@code runbook}, {@code rollback} and {@code promote-url}, else those under {@code parity.defaults}. A
 * service that names an owner of its own gets none of the default owner's mention ids.
 */
final class OwnershipResolver {
    private static final int MAX_NOTE = 500;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final String SAMPLE = "service";

    private final Problems problems;
    private final Owner defaultOwner;
    private final Optional<String> defaultRunbook;
    private final Optional<String> defaultRollback;
    private final String defaultPromoteUrl;

    /** Checks the defaults once, under their own keys. */
    OwnershipResolver(ParityConfig.Defaults defaults, Problems problems) {
        this.problems = problems;
        this.defaultOwner = owner("parity.defaults.owner", defaults.owner());
        this.defaultRunbook = defaults.runbook()
                .filter(r -> url("parity.defaults.runbook", Promotion.forService(r, SAMPLE)) != null);
        this.defaultRollback = defaults.rollback()
                .filter(r -> note("parity.defaults.rollback", Promotion.forService(r, SAMPLE)) != null);
        this.defaultPromoteUrl = defaults.promoteUrl().map(p -> promoteUrl("parity.defaults.promote-url", p)).orElse(null);
    }

    Ownership ownership(String key, String service, ParityConfig.Service s) {
        Owner owner = named(s.owner()) ? owner(key + ".owner", s.owner()) : defaultOwner;
        String runbook = s.runbook().map(r -> url(key + ".runbook", Promotion.forService(r, service)))
                .orElseGet(() -> defaultRunbook.map(r -> Promotion.forService(r, service).strip()).orElse(null));
        String rollback = s.rollback().map(r -> note(key + ".rollback", Promotion.forService(r, service)))
                .orElseGet(() -> defaultRollback.map(r -> Promotion.forService(r, service).strip()).orElse(null));
        return new Ownership(owner, runbook, rollback);
    }

    /** The service's promote link template, or the default one, or null. */
    String promoteUrl(String key, ParityConfig.Service s) {
        return s.promoteUrl().map(p -> promoteUrl(key + ".promote-url", p)).orElse(defaultPromoteUrl);
    }

    private static boolean named(ParityConfig.Owner o) {
        return o.name().isPresent() || o.slack().isPresent() || o.discord().isPresent() || o.mattermost().isPresent()
                || o.googleChat().isPresent();
    }

    private Owner owner(String key, ParityConfig.Owner o) {
        if (!named(o)) {
            return null;
        }
        int before = problems.count();
        if (o.name().isEmpty() || o.name().get().isBlank()) {
            problems.add(key + ".name: missing; an owner needs a display name (shown everywhere, and by Teams instead of a "
                    + "mention)");
        }
        id(key + ".slack", o.slack(), Owner.SLACK, "a Slack user group id (S…) or user id (U… or W…)");
        id(key + ".discord", o.discord(), Owner.DISCORD, "a Discord role id (digits only)");
        id(key + ".mattermost", o.mattermost(), Owner.MATTERMOST,
                "a Mattermost user or group name (lower-case letters, digits, '.', '-' and '_'; no '@')");
        id(key + ".google-chat", o.googleChat(), Owner.GOOGLE_CHAT, "a Google Chat user: users/ and its numeric id");
        return problems.count() > before ? null : build(o);
    }

    private static Owner build(ParityConfig.Owner o) {
        return new Owner(o.name().orElseThrow().strip(), o.slack().map(String::strip).orElse(null),
                o.discord().map(String::strip).orElse(null), o.mattermost().map(String::strip).orElse(null),
                o.googleChat().map(String::strip).orElse(null));
    }

    private void id(String key, Optional<String> id, Pattern form, String expected) {
        if (id.isPresent() && !form.matcher(id.get().strip()).matches()) {
            problems.add(key + ": not " + expected);
        }
    }

    private String promoteUrl(String key, String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!Promotion.PLACEHOLDERS.contains("{" + m.group(1) + "}")) {
                problems.add(key + ": a placeholder it does not know; use only " + Promotion.PLACEHOLDERS);
                return null;
            }
        }
        return url(key, Promotion.of(template, SAMPLE, "staging", "production", "1.0.0", "0123abc").url()) == null ? null
                : template;
    }

    /** An absolute http(s) URL: what a chat link or the dashboard can open. */
    private String url(String key, String value) {
        String v = value.strip();
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return v;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(key + ": must be an http:// or https:// URL");
        return null;
    }

    /** A short note, or a URL. */
    private String note(String key, String value) {
        String v = value.strip();
        if (v.length() > MAX_NOTE || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            problems.add(key + ": a short note (one line, at most " + MAX_NOTE + " characters) or a URL");
            return null;
        }
        return v.isEmpty() ? null : v;
    }
}
