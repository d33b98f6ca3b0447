package dev.envparity.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What a deploy tool would send, computed independently of the code under test. */
public final class Signatures {
    private Signatures() {
    }

    /** GitHub's X-Hub-Signature-256 value. */
    public static String github(String secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Standard Webhooks headers for {@code body}, signed now with a {@code whsec_…} secret. */
    public static Map<String, String> standardWebhooks(String secret, String id, String body) {
        return standardWebhooks(secret, id, Instant.now().getEpochSecond(), body);
    }

    public static Map<String, String> standardWebhooks(String secret, String id, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        byte[] signed = (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        return Map.of("webhook-id", id, "webhook-timestamp", String.valueOf(timestamp), "webhook-signature",
                "v1," + Base64.getEncoder().encodeToString(hmac(key, signed)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
