package dev.envparity.trigger.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.envparity.config.ParityConfig;

/** The optional bearer token of {@code parity.api.token}, compared in constant time. */
@ApplicationScoped
public class ApiToken {
    private final Optional<byte[]> expected;

    @Inject
    public ApiToken(ParityConfig config) {
        this.expected = config.api().token().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    public boolean required() {
        return expected.isPresent();
    }

    /** @param authorization the Authorization header, may be null */
    public boolean accepts(String authorization) {
        if (expected.isEmpty()) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected.get(), given);
    }
}
