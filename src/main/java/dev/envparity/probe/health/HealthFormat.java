package dev.envparity.probe.health;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One family of JSON health documents. {@link #read} answers empty when the document is not of this family,
 * so {@link HealthParser} can try the next; the most specific families are tried first.
 */
public interface HealthFormat {
    Optional<HealthReading> read(JsonNode document);
}
