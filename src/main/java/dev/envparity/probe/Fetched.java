package dev.envparity.probe;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One HTTP response, body fully read (and capped). */
public record Fetched(URI uri, int status, HttpHeaders headers, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String contentType() {
        return headers.firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** "HTTP 503 Service Unavailable", for error messages. */
    public String statusLine() {
        return HttpStatusText.of(status);
    }
}
