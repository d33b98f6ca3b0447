package dev.envparity.probe.health;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.probe.Fetched;
import dev.envparity.probe.ProbeFailure;
import dev.envparity.report.Health;

/**
 * Turns a health response into a {@link HealthReading}. The body decides when it is a health document, even
 * on 503 (a DOWN service usually answers 503 with its report). Without one, a 2xx means UP, a 4xx is a
 * configuration problem and a 5xx is a failure worth one retry.
 */
public final class HealthParser {
    /** Most specific first: Spring Boot's shape accepts any {"status": ...}. */
    static final List<HealthFormat> FORMATS = List.of(new MicroProfileHealth(), new AspNetCoreHealth(),
            new HealthJsonFormat(), new DockerflowHeartbeat(), new SpringBootHealth());
    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthParser() {
    }

    public static HealthReading read(Fetched response) {
        if (response.status() >= 400 && response.status() < 500) {
            throw new ProbeFailure(response.statusLine(), false);
        }
        Optional<HealthReading> document = recognize(response);
        if (document.isPresent()) {
            return document.get();
        }
        if (response.status() >= 500) {
            throw new ProbeFailure(response.statusLine(), true);
        }
        if (response.contentType().startsWith("text/html")) {
            throw new ProbeFailure("answered an HTML page, not a health document (check health-path)", false);
        }
        return new HealthReading(Health.UP, Map.of());
    }

    /** True when the body is a health document in a format we know, whatever the status code. */
    public static boolean isHealthDocument(Fetched response) {
        return recognize(response).isPresent();
    }

    static Optional<HealthReading> recognize(Fetched response) {
        if (response.contentType().startsWith("text/html")) {
            return Optional.empty();
        }
        String text = response.text();
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{")) {
            JsonNode doc;
            try {
                doc = JSON.readTree(trimmed);
            } catch (IOException e) {
                return Optional.empty();
            }
            if (doc == null || !doc.isObject()) {
                return Optional.empty();
            }
            return FORMATS.stream().map(f -> f.read(doc)).flatMap(Optional::stream).findFirst();
        }
        return PlainTextHealth.read(text);
    }
}
