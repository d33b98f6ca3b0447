package dev.envparity.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.envparity.config.ApiPlan;
import dev.envparity.crypto.Crypto;

/**
 * The optional {@code parity.api.token} (checked in {@link ApiPlan}): whether a request carries it. All comparisons are
 * constant-time.
 */
@ApplicationScoped
public class ApiToken {
    private final Optional<byte[]> expected;
    private final boolean publicBadges;

    @Inject
    public ApiToken(ApiPlan plan) {
        this.expected = plan.token().map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.publicBadges = plan.publicBadges();
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
