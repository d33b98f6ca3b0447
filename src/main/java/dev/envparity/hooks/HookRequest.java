package dev.envparity.hooks;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook as received, before anything trusts it.
 *
 * @param headers names in lower case (as Lambda Function URLs deliver them)
 * @param body the exact bytes received: signatures are computed over these
 */
public record HookRequest(String provider, Map<String, String> headers, byte[] body) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).map(String::trim).filter(v -> !v.isEmpty());
    }
}
