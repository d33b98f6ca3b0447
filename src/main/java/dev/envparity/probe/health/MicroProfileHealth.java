package dev.envparity.probe.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.report.Health;

/**
 * MicroProfile / SmallRye Health (Quarkus {@code /q/health}): {@code {"status":"UP","checks":[{"name","status"}]}},
 * and the MicroProfile Health 1.0 form {@code {"outcome":"UP","checks":[{"name","state"}]}}.
 * Wire format: eclipse/microprofile-health spec, protocol-wireformat.adoc.
 */
public final class MicroProfileHealth implements HealthFormat {

    @Override
    public Optional<HealthReading> read(JsonNode doc) {
        JsonNode checks = doc.path("checks");
        String status = doc.path("status").isTextual() ? doc.path("status").asText()
                : doc.path("outcome").isTextual() ? doc.path("outcome").asText() : null;
        if (!checks.isArray() || status == null) {
            return Optional.empty();
        }
        Map<String, Health> byName = new LinkedHashMap<>();
        for (JsonNode check : checks) {
            String name = check.path("name").asText("");
            JsonNode state = check.has("status") ? check.get("status") : check.path("state");
            if (!name.isEmpty()) {
                byName.merge(name, Health.fromWord(state.asText(null)), Health::worse);
            }
        }
        return Optional.of(new HealthReading(Health.fromWord(status), byName));
    }
}
