package dev.envparity.probe.version;

import java.time.Instant;
import java.util.Map;

/**
 * What a version document said.
 *
 * @param commit may be null
 * @param builtAt may be null
 * @param compare value per configured JSON Pointer; null where the document has no value there
 * @param runtime what it runs on, by aspect (java, framework, os), printable; only the aspects it publishes
 */
public record VersionReading(String version, String commit, Instant builtAt, Map<String, String> compare,
        Map<String, String> runtime) {
}
