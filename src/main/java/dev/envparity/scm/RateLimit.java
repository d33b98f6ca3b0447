package dev.envparity.scm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * When a code host may be asked again. A host that says its limit is used up is not asked until it says so: GitHub's
 * primary limit ({@code x-ratelimit-remaining: 0} until {@code x-ratelimit-reset}, epoch seconds), GitHub's secondary
 * limits and GitLab's ({@code 403}/{@code 429} with {@code retry-after} seconds, else at least a minute), per
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api and
 * https://docs.gitlab.com/security/rate_limits/. Shared by every run of this process; a CLI run starts afresh.
 */
final class RateLimit {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    /** GitHub: "wait for at least one minute" when a secondary limit gives no time. */
    private static final Duration AT_LEAST = Duration.ofMinutes(1);
    private static final Duration AT_MOST = Duration.ofHours(2);

    private final String host;
    private final Clock clock;
    private volatile Instant until = Instant.MIN;

    RateLimit(String host, Clock clock) {
        this.host = host;
        this.clock = clock;
    }

    /** @throws ScmException while the host asked to be left alone */
    void check() {
        Instant now = clock.instant();
        if (now.isBefore(until)) {
            throw limited();
        }
    }

    /**
     * Reads an answer's limit headers (any status).
     *
     * @param limited the status says the limit is reached (429, or a 403 that says "rate limit")
     * @return whether the host is now to be left alone
     */
    boolean observe(MultivaluedMap<String, ?> headers, boolean limited) {
        Instant now = clock.instant();
        String retryAfter = header(headers, "retry-after");
        String remaining = header(headers, "x-ratelimit-remaining", "ratelimit-remaining");
        String reset = header(headers, "x-ratelimit-reset", "ratelimit-reset");
        Instant next = null;
        if (retryAfter != null && number(retryAfter) >= 0) {
            next = now.plusSeconds(number(retryAfter));
        } else if ("0".equals(remaining) && reset != null && number(reset) > 0) {
            next = Instant.ofEpochSecond(number(reset));
        } else if (limited) {
            next = now.plus(AT_LEAST);
        }
        if (next == null) {
            return false;
        }
        Instant bounded = next.isAfter(now.plus(AT_MOST)) ? now.plus(AT_MOST) : next;
        if (bounded.isAfter(until)) {
            until = bounded;
        }
        return limited || now.isBefore(until);
    }

    ScmException limited() {
        return new ScmException(host + "'s rate limit is used up until " + TIME.format(until) + "; asked again after that");
    }

    private static String header(MultivaluedMap<String, ?> headers, String... names) {
        for (String name : names) {
            for (String key : headers.keySet()) {
                if (key.toLowerCase(Locale.ROOT).equals(name) && !headers.get(key).isEmpty()) {
                    return String.valueOf(headers.get(key).get(0)).strip();
                }
            }
        }
        return null;
    }

    /** A host's number, or -1; never past the year 5000, so that time arithmetic on it cannot overflow. */
    private static long number(String value) {
        try {
            return Math.min(Long.parseLong(value), 100_000_000_000L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
