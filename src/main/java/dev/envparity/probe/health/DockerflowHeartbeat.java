package dev.envparity.probe.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.report.Health;

/**
 * Dockerflow {@code /__heartbeat__}: {@code {"status":"ok|warning|error","checks":{"name":"ok"}}}, answered with
 * 500 when anything fails (mozilla-services/Dockerflow).
 */
public final class DockerflowHeartbeat implements HealthFormat {

    @Override
    public Optional<HealthReading> read(JsonNode doc) {
        JsonNode checks = doc.path("checks");
        if (!doc.path("status").isTextual() || !checks.isObject()) {
            return Optional.empty();
        }
        Map<String, Health> byName = new LinkedHashMap<>();
        var fields = checks.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().isTextual()) {
                return Optional.empty();
            }
            byName.put(e.getKey(), Health.fromWord(e.getValue().asText()));
        }
        return Optional.of(new HealthReading(Health.fromWord(doc.get("status").asText()), byName));
    }
}
