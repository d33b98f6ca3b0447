package dev.envparity.probe.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.envparity.report.UntrustedText;

/**
 * One HTTP response, body fully read (and capped).
 *
 * @param headers first value of each header, names in lower case
 * @param wireNanos from sending the request on an open connection to the last byte of the answer (summed over
 *        the redirects that led here): the service's latency, without connection set-up or waiting for one
 */
public record Fetched(URI uri, int status, Map<String, String> headers, byte[] body, long wireNanos) {

    public Fetched(URI uri, int status, Map<String, String> headers, byte[] body) {
        this(uri, status, headers, body, 0);
    }

    /** This answer, reached after redirects that took {@code nanos} on the wire themselves. */
    Fetched after(long nanos) {
        return new Fetched(uri, status, headers, body, wireNanos + nanos);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String contentType() {
        return header("content-type").orElse("").toLowerCase(Locale.ROOT);
    }

    /** "text/html", or "no content type", for error messages (the header is the service's, so made printable). */
    public String mediaType() {
        String type = contentType().split(";")[0].strip();
        return type.isEmpty() ? "no content type" : UntrustedText.excerpt(type, 60);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** "HTTP 503 Service Unavailable", for error messages. */
    public String statusLine() {
        return HttpStatusText.of(status);
    }
}
