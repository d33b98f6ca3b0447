package dev.envparity.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.envparity.crypto.Crypto;

/**
 * The headers every answer gets, whichever transport sends it. Every answer: {@code X-Content-Type-Options: nosniff}.
 * HTML: a Content-Security-Policy that allows no script at all, only the page's own {@code <style>} blocks by their
 * SHA-256 (CSP Level 3, "hash-source"; the templates have no style attributes), forms posting back to envparity and
 * no framing ({@code frame-ancestors 'none'}); {@code Referrer-Policy: no-referrer}, so links to service endpoints
 * do not tell them where the dashboard is. JSON (reports, errors) and HTML are never cached.
 */
final class SecurityHeaders {
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private SecurityHeaders() {
    }

    static HttpAnswer apply(HttpAnswer answer) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Content-Type-Options", "nosniff");
        String type = answer.contentType();
        if (type.startsWith("text/html")) {
            h.put("Content-Security-Policy", "default-src 'none'; style-src " + styleHashes(String.valueOf(answer.body()))
                    + "; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
            h.put("X-Frame-Options", "DENY");
            h.put("Referrer-Policy", "no-referrer");
            h.put("Cache-Control", "no-store");
        } else if (type.startsWith("application/json")) {
            h.put("Cache-Control", "no-store");
        } else if (type.startsWith("image/svg+xml")) {
            h.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
        return answer.withDefaults(h);
    }

    /** The hash source of each {@code <style>} block of {@code html}, or 'none' when there is none. */
    static String styleHashes(String html) {
        StringBuilder sources = new StringBuilder();
        Matcher m = STYLE.matcher(html);
        while (m.find()) {
            String hash = Base64.getEncoder().encodeToString(Crypto.sha256(m.group(1).getBytes(StandardCharsets.UTF_8)));
            sources.append(sources.length() == 0 ? "" : " ").append("'sha256-").append(hash).append('\'');
        }
        return sources.length() == 0 ? "'none'" : sources.toString();
    }
}
