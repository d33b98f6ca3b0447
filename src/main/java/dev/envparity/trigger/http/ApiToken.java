package dev.envparity.trigger.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.envparity.config.InvalidConfigException;
import dev.envparity.config.ParityConfig;
import dev.envparity.crypto.Crypto;
import io.quarkus.runtime.Startup;

/**
 * The optional {@code parity.api.token}. Unset — or empty, as {@code ${PARITY_API_TOKEN:}} is when the variable is
 * not set — means no token is configured and every route is open. A value of only whitespace is a mistake (a
 * quoted blank, a secret that lost its content), never a way to open everything: it stops start-up. Whitespace
 * around a token (a secret file's trailing newline) is not part of it. All comparisons are constant-time.
 */
@ApplicationScoped
@Startup
public class ApiToken {
    private final Optional<byte[]> expected;
    private final boolean publicBadges;

    @Inject
    public ApiToken(ParityConfig config) {
        this(config.api().token(), config.api().publicBadges());
    }

    ApiToken(Optional<String> token, boolean publicBadges) {
        if (token.isPresent() && !token.get().isEmpty() && token.get().isBlank()) {
            throw new InvalidConfigException(List.of("parity.api.token: only whitespace; set the token, or leave the key "
                    + "out (or empty) to run without one"));
        }
        this.expected = token.map(String::strip).filter(t -> !t.isEmpty()).map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.publicBadges = publicBadges;
    }

    public boolean required() {
        return expected.isPresent();
    }

    public boolean matches(String given) {
        return expected.isPresent() && MessageDigest.isEqual(expected.get(), given.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The token of an {@code Authorization: Bearer <token>} header (RFC 6750 §2.1); empty for any other header. */
    static Optional<String> bearer(Optional<String> authorization) {
        return authorization.filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7)).map(a -> a.substring(7).trim());
    }

    public boolean badgesArePublic() {
        return expected.isEmpty() || publicBadges;
    }

    /** Identifies the token without revealing it: sessions carry it, so that a new token ends them all. */
    String binding() {
        return HexFormat.of().formatHex(Crypto.hmacSha256(expected.orElseThrow(),
                "envparity dashboard session".getBytes(StandardCharsets.UTF_8)));
    }
}
