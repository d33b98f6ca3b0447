package dev.envparity.probe.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.envparity.report.HeaderChecklist;
import dev.envparity.report.UntrustedText;

/**
 * The service's security header checklist, read from the answers its probes already received (health and version):
 * which headers of the list were sent, and which reveal a software version. Nothing is requested for it.
 */
public final class SecurityHeaderCheck {
    /** Headers that should say nothing about the software behind them (OWASP Secure Headers Project). */
    private static final Set<String> VERSION_LEAKS = Set.of("server", "x-powered-by", "x-aspnet-version",
            "x-aspnetmvc-version");
    /** "nginx/1.25.3", "Apache/2.4.57 (Ubuntu)", "PHP/8.1.2", "4.0.30319": a product with a version number. */
    private static final Pattern VERSION = Pattern.compile("/\\s*v?\\d|\\d+\\.\\d+");
    /** CSP Level 2 frame-ancestors supersedes X-Frame-Options (https://www.w3.org/TR/CSP2/#directive-frame-ancestors). */
    private static final Pattern FRAME_ANCESTORS = Pattern.compile("(^|;)\\s*frame-ancestors\\s", Pattern.CASE_INSENSITIVE);
    private static final int MAX_VALUE = 60;
    /** max-age=0 tells the browser to forget the host's HSTS policy (RFC 6797 §6.1.1): it is switched off, not sent. */
    private static final Pattern HSTS_OFF = Pattern.compile("(^|;)\\s*max-age\\s*=\\s*\"?0+\"?\\s*(;|$)", Pattern.CASE_INSENSITIVE);

    private SecurityHeaderCheck() {
    }

    /**
     * Strict-Transport-Security is looked for only when the answers came over TLS: over http it means nothing (RFC 6797
     * §7.2, a host sends it over secure transport only). {@code max-age=0} switches it off: that counts as missing.
     *
     * @param checklist header names, as configured
     * @param answers the responses of this environment's probes; a header any of them carried counts as sent
     * @return null when the checklist is empty or nothing answered
     */
    public static HeaderChecklist read(List<String> checklist, List<Fetched> answers) {
        if (checklist.isEmpty() || answers.isEmpty()) {
            return null;
        }
        boolean https = answers.stream().allMatch(a -> a.tls() != null);
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, String> leaks = new LinkedHashMap<>();
        for (String name : checklist) {
            String lower = name.toLowerCase(Locale.ROOT);
            Optional<String> value = value(answers, lower);
            if (VERSION_LEAKS.contains(lower)) {
                value.filter(v -> VERSION.matcher(v).find()).ifPresent(v -> leaks.put(name, UntrustedText.excerpt(v, MAX_VALUE)));
            } else if (!lower.equals("strict-transport-security") || https) {
                boolean sent = value.filter(v -> !lower.equals("strict-transport-security") || !HSTS_OFF.matcher(v).find())
                        .isPresent() || lower.equals("x-frame-options") && value(answers,
                        "content-security-policy").filter(csp -> FRAME_ANCESTORS.matcher(csp).find()).isPresent();
                (sent ? present : missing).add(name);
            }
        }
        return new HeaderChecklist(present, missing, leaks);
    }

    private static Optional<String> value(List<Fetched> answers, String lowerName) {
        return answers.stream().map(a -> a.header(lowerName)).flatMap(Optional::stream).map(String::strip)
                .filter(v -> !v.isEmpty()).findFirst();
    }
}
