package dev.envparity.probe.version;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.config.ServiceSpec;
import dev.envparity.probe.http.Fetched;
import dev.envparity.probe.http.ProbeFailure;
import dev.envparity.probe.http.StrictBody;

/**
 * Reads version, commit, build time and the {@code compare} values out of a version document through the
 * service's JSON Pointers; a configured header (X-Version and the like) is the fallback when the body has
 * no version. Covers Spring Boot and Quarkus info (git "simple" and "full" modes), Dockerflow
 * {@code __version__}, health+json {@code version}/{@code releaseId} and plain-text bodies.
 */
public final class VersionReader {
    private static final int MAX_VERSION_LENGTH = 200;

    private VersionReader() {
    }

    /**
     * @param response the version endpoint's answer
     * @param sharedWithHealth true when the same response is also the health document (health-json preset),
     *        which may legitimately carry a 503
     */
    public static VersionReading read(Fetched response, boolean sharedWithHealth, ServiceSpec spec) {
        Optional<String> header = Optional.ofNullable(spec.versionHeader())
                .flatMap(response::header).map(String::strip).filter(v -> !v.isEmpty());
        if (!response.ok() && !sharedWithHealth) {
            throw new ProbeFailure(response.statusLine(), response.status() >= 500);
        }
        if (spec.versionPointer().isEmpty()) {
            return new VersionReading(plainVersion(response, header), null, null, Map.of());
        }
        JsonNode doc = parse(response);
        if (doc == null) {
            if (header.isPresent()) {
                return new VersionReading(header.get(), null, null, Map.of());
            }
            throw new ProbeFailure("version document is not JSON (" + response.mediaType() + ")", false);
        }
        String version = scalar(doc.at(JsonPointer.compile(spec.versionPointer())))
                .or(() -> header)
                .orElseThrow(() -> new ProbeFailure("no version at " + spec.versionPointer() + " in the version document"
                        + (spec.versionHeader() == null ? "" : " and no " + spec.versionHeader() + " header"), false));
        String commit = spec.commitPointer() == null ? null : commit(doc.at(JsonPointer.compile(spec.commitPointer())));
        var builtAt = spec.builtAtPointer() == null ? null
                : Timestamps.parse(doc.at(JsonPointer.compile(spec.builtAtPointer()))).orElse(null);
        Map<String, String> compare = new LinkedHashMap<>();
        for (String pointer : spec.compare()) {
            JsonNode value = doc.at(JsonPointer.compile(pointer));
            compare.put(pointer, value.isMissingNode() || value.isNull() ? null
                    : value.isValueNode() ? value.asText() : value.toString());
        }
        return new VersionReading(checkLength(version), commit, builtAt, compare);
    }

    private static String plainVersion(Fetched response, Optional<String> header) {
        String body;
        if (StrictBody.looksLikeJson(response.body())) {
            JsonNode doc = StrictBody.json(response.body(), "version");
            if (!doc.isValueNode()) {
                return header.orElseThrow(() -> new ProbeFailure(
                        "version endpoint answered a JSON document; set version-pointer to the field that holds the version",
                        false));
            }
            body = doc.asText().strip();
        } else {
            body = StrictBody.text(response.body(), "version").strip();
        }
        if (body.isEmpty() || body.indexOf('\n') >= 0 || body.startsWith("<")) {
            String reason = body.isEmpty() ? "version endpoint answered an empty body"
                    : "version endpoint did not answer a single-line version (" + response.mediaType() + ")";
            return header.orElseThrow(() -> new ProbeFailure(reason, false));
        }
        return checkLength(body);
    }

    /**
     * The version document: a body that looks like JSON must be valid JSON (a truncated document never yields a
     * version, not even the header's); null when the body is plainly not JSON (an HTML page, text).
     */
    private static JsonNode parse(Fetched response) {
        return StrictBody.looksLikeJson(response.body()) ? StrictBody.json(response.body(), "version") : null;
    }

    private static Optional<String> scalar(JsonNode node) {
        if (node.isTextual() || node.isNumber()) {
            return Optional.of(node.asText().strip()).filter(s -> !s.isEmpty());
        }
        return Optional.empty();
    }

    /** Spring Boot's git "full" mode nests the id: {"id":{"abbrev":"…","full":"…"}}. */
    private static String commit(JsonNode node) {
        if (node.isObject()) {
            for (String field : new String[] { "full", "abbrev", "id" }) {
                Optional<String> v = scalar(node.path(field));
                if (v.isPresent()) {
                    return v.get();
                }
            }
            return null;
        }
        return scalar(node).orElse(null);
    }

    private static String checkLength(String version) {
        if (version.length() > MAX_VERSION_LENGTH) {
            throw new ProbeFailure("version value is longer than " + MAX_VERSION_LENGTH + " characters", false);
        }
        return version;
    }
}
