package dev.envparity.web;

import java.util.Map;
import java.util.Optional;

/**
 * A request as both transports hand it to {@link Routes}: the server (Vert.x) and a Lambda Function URL.
 *
 * @param headers names in lower case; repeated headers joined (cookies with "; ", others with ",")
 * @param query decoded, the first value of each name
 * @param body the exact bytes received (signatures are computed over these)
 * @param client the peer's address — the connection's, or the Function URL's {@code requestContext.http.sourceIp};
 *        never a header the client chose
 * @param https whether the client reached envparity over HTTPS (then cookies are {@code Secure})
 */
public record HttpRequest(String method, String path, Map<String, String> headers, Map<String, String> query, byte[] body,
        String client, boolean https) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The value of cookie {@code name} in the Cookie header, if sent. */
    public Optional<String> cookie(String name) {
        for (String cookie : headers.getOrDefault("cookie", "").split(";")) {
            String c = cookie.trim();
            if (c.startsWith(name + "=")) {
                return Optional.of(c.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }
}
