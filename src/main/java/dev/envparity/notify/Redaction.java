package dev.envparity.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Webhook URLs are bearer secrets (Slack's path, Discord's token, Google Chat's key and token, the Teams
 * Workflows {@code sig}): anything that might echo one — an exception message, a response body — goes
 * through here before it reaches a log line, an error or a report.
 */
public final class Redaction {
    public static final String MASK = "[redacted]";

    private Redaction() {
    }

    /** Scheme and host only: "https://hooks.slack.com". */
    public static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    /** Replaces the URL and every secret-bearing part of it (path, query, each query value) in {@code text}. */
    public static String scrub(String text, URI url, String... otherSecrets) {
        if (text == null) {
            return null;
        }
        List<String> secrets = new ArrayList<>();
        if (url != null) {
            secrets.add(url.toString());
            secrets.add(url.getRawPath());
            secrets.add(url.getPath());
            secrets.add(url.getRawQuery());
            secrets.add(url.getQuery());
            if (url.getRawQuery() != null) {
                for (String pair : url.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    secrets.add(eq < 0 ? pair : pair.substring(eq + 1));
                }
            }
            if (url.getRawPath() != null) {
                for (String segment : url.getRawPath().split("/")) {
                    // Short segments ("services", "api", "hooks") are not secrets and would mask ordinary words.
                    if (segment.length() >= 8) {
                        secrets.add(segment);
                    }
                }
            }
        }
        secrets.addAll(List.of(otherSecrets));
        String result = text;
        List<String> longestFirst = secrets.stream().filter(s -> s != null && s.length() >= 4 && !s.equals("/"))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String s : longestFirst) {
            result = result.replace(s, MASK);
        }
        return result;
    }
}
