package dev.envparity.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.envparity.crypto.Crypto;

/**
 * Standard Webhooks signatures (github.com/standard-webhooks/standard-webhooks, spec §"Signature scheme"):
 * HMAC-SHA256 over {@code {webhook-id}.{webhook-timestamp}.{body}}, sent as {@code v1,<base64>}. Secrets are
 * shown to users as {@code whsec_<base64>}; a secret without that prefix is used as its UTF-8 bytes.
 */
public final class StandardWebhooks {
    private static final String PREFIX = "whsec_";

    private StandardWebhooks() {
    }

    public static byte[] key(String secret) {
        return secret.startsWith(PREFIX) ? Base64.getDecoder().decode(secret.substring(PREFIX.length()))
                : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** @return "v1,<base64 signature>" */
    public static String sign(byte[] key, String id, long timestampSeconds, byte[] body) {
        byte[] prefix = (id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(Crypto.hmacSha256(key, signed));
    }
}
