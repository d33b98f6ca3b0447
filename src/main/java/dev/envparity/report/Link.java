package dev.envparity.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A link a digest shows: one of envparity's own labels ("View differences", "Promote", "Runbook", "Rollback") and an
 * absolute http(s) URL from configuration or from a code host. Every character that could end or break a link in one
 * of the platforms' syntaxes — {@code < > | ( ) [ ] " ' `}, spaces, backslashes, braces, anything outside ASCII — is
 * percent-encoded (RFC 3986, section 2.1), so a formatter can put {@link #url()} into {@code <url|label>},
 * {@code [label](url)} or {@code href="url"} as it is; only {@code &} needs the formatter's entity where the syntax is
 * HTML-like.
 */
public record Link(String label, String url) {
    /** What stays as it is: RFC 3986 unreserved and reserved characters, minus the ones some syntax gives a meaning to. */
    private static final String KEPT = "-._~:/?#@!$&+,;=%*";

    /** The link, or empty when {@code raw} is not an absolute http(s) URL. */
    public static Optional<Link> of(String label, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String safe = encode(raw.strip());
        try {
            URI uri = new URI(safe);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return Optional.of(new Link(label, safe));
            }
        } catch (URISyntaxException e) {
            // not a link
        }
        return Optional.empty();
    }

    private static String encode(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || KEPT.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
