package dev.envparity.probe.version;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.config.ServiceChecks.RuntimeField;
import dev.envparity.report.UntrustedText;

/**
 * Reads what a service runs on out of its version document ("Java 17.0.9 (Eclipse Adoptium)", "Quarkus 3.33.2"), for
 * the runtime aspects its preset publishes. The values are the service's own words: each is made printable and cut
 * short, so that a hostile document can neither break a line nor fill a message.
 */
final class RuntimeReader {
    /** Longer than any real Java, framework or OS version with its vendor. */
    private static final int MAX_VALUE = 60;

    private RuntimeReader() {
    }

    /** @return the text per aspect, in the order asked for; an aspect the document does not publish is left out */
    static Map<String, String> read(JsonNode doc, List<RuntimeField> fields) {
        Map<String, String> runtime = new LinkedHashMap<>();
        for (RuntimeField field : fields) {
            List<String> values = values(doc, field.values());
            if (values.isEmpty()) {
                continue;
            }
            List<String> details = values(doc, field.details());
            String text = (field.label().isEmpty() ? "" : field.label() + " ") + String.join(" ", values)
                    + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
            runtime.put(field.aspect(), text);
        }
        return runtime;
    }

    private static List<String> values(JsonNode doc, List<String> pointers) {
        return pointers.stream().map(p -> scalar(doc.at(JsonPointer.compile(p)))).flatMap(Optional::stream)
                .map(v -> UntrustedText.excerpt(v, MAX_VALUE)).toList();
    }

    private static Optional<String> scalar(JsonNode node) {
        return node.isTextual() || node.isNumber() ? Optional.of(node.asText().strip()).filter(s -> !s.isEmpty())
                : Optional.empty();
    }
}
