package dev.envparity.hooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One deploy tool's webhook: how it proves who sent it, how it names a delivery (for replays), and how its
 * body describes a deploy. A CDI bean; {@link HookService} runs the steps in order and verification first.
 */
public interface DeployHook {
    Pattern VERSION_LIKE = Pattern.compile("^[vV]?\\d+(\\.\\d+)*([-+.][0-9A-Za-z.+-]*)?$");

    /** The path segment: POST /hooks/{provider}. */
    String provider();

    /**
     * Checks the signature or token over the raw request, before anything reads the body.
     *
     * @return empty when authentic; else why not (answered 401, never echoing a secret)
     */
    Optional<String> verify(HookRequest request, Instant now);

    /** The id that stays the same when the same delivery is sent again; empty when the tool gives none. */
    Optional<String> deliveryId(HookRequest request, JsonNode body);

    /** How long delivery ids are remembered. */
    Duration replayWindow();

    /** @throws MalformedHookException when a field the event needs is missing */
    Parsed parse(HookRequest request, JsonNode body);

    /** Constant-time comparison, so that response times do not reveal how much of a secret matched. */
    static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** A Git ref that names a release ("v2.4.1", "2.4.1") is a version; a branch ("main") is not. */
    static String versionOrNull(String ref) {
        if (ref == null) {
            return null;
        }
        String r = ref.startsWith("refs/tags/") ? ref.substring("refs/tags/".length()) : ref;
        return VERSION_LIKE.matcher(r).matches() ? r : null;
    }

    static String text(JsonNode body, String pointer) {
        JsonNode n = body.at(pointer);
        return n.isValueNode() && !n.asText().isBlank() ? n.asText().trim() : null;
    }

    static String required(JsonNode body, String pointer) {
        String v = text(body, pointer);
        if (v == null) {
            throw new MalformedHookException("missing field " + pointer.substring(1).replace('/', '.'));
        }
        return v;
    }
}
