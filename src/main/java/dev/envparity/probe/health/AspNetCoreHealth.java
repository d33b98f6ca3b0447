package dev.envparity.probe.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.report.Health;

/**
 * ASP.NET Core health checks written as JSON (the widely used UIResponseWriter shape):
 * {@code {"status":"Degraded","entries":{"sql":{"status":"Healthy"}}}}. Degraded answers HTTP 200, so the body,
 * not the status code, tells. The default plain-text writer is handled by {@link PlainTextHealth}.
 */
public final class AspNetCoreHealth implements HealthFormat {

    @Override
    public Optional<HealthReading> read(JsonNode doc) {
        JsonNode entries = doc.path("entries");
        if (!entries.isObject() || !doc.path("status").isTextual()) {
            return Optional.empty();
        }
        Map<String, Health> checks = new LinkedHashMap<>();
        entries.fields().forEachRemaining(e -> checks.put(e.getKey(), Health.fromWord(e.getValue().path("status").asText(null))));
        return Optional.of(new HealthReading(Health.fromWord(doc.get("status").asText()), checks));
    }
}
