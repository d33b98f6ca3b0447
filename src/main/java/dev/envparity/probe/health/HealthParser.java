package dev.envparity.probe.health;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.probe.http.Fetched;
import dev.envparity.probe.http.ProbeFailure;
import dev.envparity.probe.http.StrictBody;
import dev.envparity.report.Health;
import dev.envparity.report.UntrustedText;

/**
 * Turns a health response into a {@link HealthReading}, failing closed: only a 2xx can be UP, and only when its
 * body is a health document saying so, one known status word, or empty (the Kubernetes convention: the status
 * code is the answer). Anything else is a {@link ProbeFailure} that says why — JSON that does not parse, JSON of
 * an unknown shape, a status word we do not know, other text, an HTML page. A 5xx is read for its health
 * document (a DOWN service usually answers 503 with its report); without one it is a failure worth one retry.
 * 1xx, 3xx (a 304 to a request that was not conditional) and 4xx are failures.
 */
public final class HealthParser {
    /** Most specific first: Spring Boot's shape accepts any {"status": ...}. */
    static final List<HealthFormat> FORMATS = List.of(new MicroProfileHealth(), new AspNetCoreHealth(),
            new HealthJsonFormat(), new DockerflowHeartbeat(), new SpringBootHealth());
    private static final int EXCERPT = 40;

    private HealthParser() {
    }

    public static HealthReading read(Fetched response) {
        if (response.status() >= 500) {
            HealthReading reading = recognize(response).orElseThrow(() -> new ProbeFailure(response.statusLine(), true));
            if (reading.health() == Health.UP) {
                throw new ProbeFailure(response.statusLine() + ", although its health document says UP", false);
            }
            return reading;
        }
        if (!response.ok()) {
            throw new ProbeFailure(response.statusLine(), false);
        }
        HealthReading reading = reading(response);
        return reading != null ? reading : new HealthReading(Health.UP, Map.of());
    }

    /** True when the body is a readable health document in a format we know, whatever the status code. */
    public static boolean isHealthDocument(Fetched response) {
        return recognize(response).isPresent();
    }

    static Optional<HealthReading> recognize(Fetched response) {
        try {
            return Optional.ofNullable(reading(response));
        } catch (ProbeFailure e) {
            return Optional.empty();
        }
    }

    /** What a body says; null for an empty body; a failure that says why a body says nothing we can trust. */
    private static HealthReading reading(Fetched response) {
        byte[] body = response.body();
        if (StrictBody.looksLikeJson(body)) {
            return document(StrictBody.json(body, "health"));
        }
        String text = StrictBody.text(body, "health").strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.startsWith("<")) {
            throw new ProbeFailure("answered an HTML page, not a health document (check health-path)", false);
        }
        return PlainTextHealth.read(text).orElseThrow(() -> new ProbeFailure("health body is not a health document: \""
                + UntrustedText.excerpt(text, EXCERPT) + "\" (" + response.mediaType() + ")", false));
    }

    private static HealthReading document(JsonNode doc) {
        if (doc.isTextual()) {
            return PlainTextHealth.read(doc.asText().strip()).orElseThrow(() -> new ProbeFailure(
                    "health body is a JSON string that is not a status word: \"" + UntrustedText.excerpt(doc.asText(), EXCERPT)
                            + "\"", false));
        }
        Optional<HealthReading> reading = doc.isObject()
                ? FORMATS.stream().map(f -> f.read(doc)).flatMap(Optional::stream).findFirst()
                : Optional.empty();
        if (reading.isEmpty()) {
            throw new ProbeFailure("health body is JSON but not a health document (no \"status\" field)", false);
        }
        String word = doc.path("status").isTextual() ? doc.path("status").asText() : doc.path("outcome").asText("");
        if (reading.get().health() == Health.UNKNOWN && !word.strip().toLowerCase(Locale.ROOT).equals("unknown")) {
            throw new ProbeFailure("health document says \"" + UntrustedText.excerpt(word, EXCERPT)
                    + "\", a status envparity does not know", false);
        }
        return reading.get();
    }
}
