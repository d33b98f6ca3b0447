package dev.envparity.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
