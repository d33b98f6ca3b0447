package dev.envparity.notify;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook URLs are bearer secrets (Slack's path, Discord's token, Google Chat's key and token, the Teams
 * Workflows {@code sig}): anything that might echo one — an exception message, a response body — goes
 * through here before it reaches a log line, an error or a report.
 */
public final class Redaction {
    public static final String MASK = "[redacted]";
    private static final Pattern PERCENT = Pattern.compile("%[0-9A-Fa-f]{2}");

    private Redaction() {
    }

    /** Scheme and host only: "https://hooks.slack.com". */
    public static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    /**
     * Replaces the URL and every secret-bearing part of it (path, query, each query value, long path segments) in
     * {@code text} — each in every form a platform may echo it ({@link #forms}).
     */
    public static String scrub(String text, URI url, String... otherSecrets) {
        if (text == null) {
            return null;
        }
        Set<String> secrets = new HashSet<>();
        if (url != null) {
            forms(url.toString(), secrets);
            forms(url.getRawPath(), secrets);
            forms(url.getRawQuery(), secrets);
            if (url.getRawQuery() != null) {
                for (String pair : url.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    forms(eq < 0 ? pair : pair.substring(eq + 1), secrets);
                }
            }
            if (url.getRawPath() != null) {
                for (String segment : url.getRawPath().split("/")) {
                    // Short segments ("services", "api", "hooks") are not secrets and would mask ordinary words.
                    if (segment.length() >= 8) {
                        forms(segment, secrets);
                    }
                }
            }
        }
        for (String other : otherSecrets) {
            forms(other, secrets);
        }
        String result = text;
        List<String> longestFirst = secrets.stream().filter(s -> s.length() >= 4 && !s.equals("/"))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String s : longestFirst) {
            result = result.replace(s, MASK);
        }
        return result;
    }

    /**
     * A secret as sent and as a platform may echo it: percent-decoded (a Google Chat token ends in "%3D", echoed
     * as "="), decoded the form way ("+" as a space), with the other hex case, and each of those JSON-escaped the
     * way Google's APIs write "=" ("\u003d") or with "\/" for "/".
     */
    static void forms(String raw, Set<String> out) {
        if (raw == null) {
            return;
        }
        Set<String> plain = new HashSet<>(List.of(raw, hexCase(raw, true), hexCase(raw, false)));
        decode(raw.replace("+", "%2B")).ifPresent(plain::add);
        decode(raw).ifPresent(plain::add);
        for (String p : plain) {
            out.add(p);
            out.add(p.replace("=", "\\u003d").replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("'", "\\u0027"));
            out.add(p.replace("/", "\\/"));
        }
    }

    private static Optional<String> decode(String s) {
        try {
            return Optional.of(URLDecoder.decode(s, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not valid percent-encoding: only the raw form can appear
        }
    }

    private static String hexCase(String s, boolean upper) {
        Matcher m = PERCENT.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, upper ? m.group().toUpperCase(Locale.ROOT) : m.group().toLowerCase(Locale.ROOT));
        }
        return m.appendTail(out).toString();
    }
}
