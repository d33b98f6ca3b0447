package dev.envparity.probe.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.report.Health;

/**
 * Spring Boot actuator health and anything shaped like it: {@code {"status":"UP","components":{...}}} (Boot 2.2+,
 * composites nest further {@code components}), {@code "details"} (Boot 2.0/2.1) and top-level indicators
 * (Boot 1.x). OUT_OF_SERVICE counts as DOWN. Tried last: it accepts any object with a textual {@code status}.
 */
public final class SpringBootHealth implements HealthFormat {

    @Override
    public Optional<HealthReading> read(JsonNode doc) {
        if (!doc.path("status").isTextual()) {
            return Optional.empty();
        }
        Map<String, Health> checks = new LinkedHashMap<>();
        collect(doc, "", checks);
        return Optional.of(new HealthReading(Health.fromWord(doc.get("status").asText()), checks));
    }

    private static void collect(JsonNode node, String prefix, Map<String, Health> checks) {
        JsonNode children = node.has("components") ? node.get("components") : node.has("details") ? node.get("details") : node;
        children.fields().forEachRemaining(e -> {
            JsonNode child = e.getValue();
            if (child.isObject() && child.path("status").isTextual()) {
                String name = prefix + e.getKey();
                checks.put(name, Health.fromWord(child.get("status").asText()));
                if (child.path("components").isObject()) {
                    collect(child, name + "/", checks);
                }
            }
        });
    }
}
