package dev.envparity.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.report.Durations;

/**
 * When a chat message is sent again, and when it must not be: pure, so that every failure mode is a row in a
 * table test. The rule is that a message is never posted twice:
 * <ul>
 * <li>what never reached the platform is safe to send again: a refused or timed-out connection, a TLS
 * handshake that failed, a connection lost before the request was fully written;</li>
 * <li>an answer that says the platform did not act on it is sent again: 429 (waiting as told), 408, 500,
 * 503 (RFC 9110 §15.5.9, §15.6.1, §15.6.4: the server did not fulfil the request);</li>
 * <li>once the request was fully written, no answer (a timeout, a reset, a closed connection) and a gateway's
 * 502 or 504 leave the outcome unknown: the platform may have posted it (a gateway's timeout says nothing about
 * whether the flow or service behind it did). It is sent again only to a receiver that drops duplicates — a request
 * carrying a Standard Webhooks {@code webhook-id} (the spec tells receivers to use it as an idempotency
 * key: https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md);</li>
 * <li>2xx is delivered as soon as the status line arrives, however slowly the body follows;</li>
 * <li>other statuses fail at once; everything ends by the deadline.</li>
 * </ul>
 */
final class DeliveryPolicy {
    static final int MAX_ATTEMPTS = 6;
    /** Connecting is safe to retry, so it need not wait long. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long one attempt waits for an answer when it cannot be retried: as long as the slowest real platform
     * keeps a request open. A Teams workflow is a Power Automate flow, which must answer within 120 s
     * (https://learn.microsoft.com/power-automate/guidance/coding-guidelines/asychronous-flow-pattern).
     */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(120);
    /** A receiver that drops duplicates can be asked again sooner: Standard Webhooks suggests 15–30 s. */
    static final Duration DEDUPLICATED_ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final long MAX_BACKOFF_MILLIS = 8_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeliveryPolicy() {
    }

    /** How far one attempt got on the wire. */
    enum Stage {
        /** No connection: refused, timed out, unknown host, TLS handshake failed. Nothing was sent. */
        NOT_CONNECTED,
        /** The connection broke, or time ran out, before the whole request was written. */
        NOT_SENT,
        /** The whole request was written; no status line came back (timeout, reset, closed). */
        NO_ANSWER,
        /** A status line and headers came back (the body may be incomplete). */
        ANSWERED
    }

    /**
     * One attempt, as the transport saw it.
     *
     * @param status the HTTP status when answered, else 0
     * @param retryAfterMillis how long the platform asked to wait, if it did
     * @param problem what went wrong, for people (already free of the URL); null when answered 2xx
     */
    record Attempt(Stage stage, int status, Optional<Long> retryAfterMillis, String problem) {

        static Attempt answered(int status, Optional<Long> retryAfterMillis, String problem) {
            return new Attempt(Stage.ANSWERED, status, retryAfterMillis, problem);
        }

        static Attempt failed(Stage stage, String problem) {
            return new Attempt(stage, 0, Optional.empty(), problem);
        }
    }

    enum Verdict {
        DELIVERED, RETRY, FAILED, UNKNOWN
    }

    /**
     * @param waitMillis before the next attempt, for RETRY
     * @param detail why it failed or is unknown (null when delivered)
     */
    record Decision(Verdict verdict, long waitMillis, String detail) {
    }

    /** Whether the receiver drops a message it has already seen, so that sending it again cannot post it twice. */
    static boolean deduplicated(Map<String, String> headers) {
        return headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("webhook-id"));
    }

    /** How long one attempt may take, connection included. */
    static long attemptMillis(boolean deduplicated, long millisLeft) {
        return Math.min((deduplicated ? DEDUPLICATED_ANSWER_TIMEOUT : ANSWER_TIMEOUT).toMillis(), millisLeft);
    }

    /**
     * @param attempt what the attempt numbered {@code n} (from 1) came to
     * @param mayHavePosted whether an earlier attempt of this message may have been posted
     * @param millisLeft until the deadline
     * @param jitter in [0, 1): where in its range the backoff falls
     */
    static Decision decide(Attempt attempt, int n, boolean deduplicated, boolean mayHavePosted, long millisLeft,
            long baseBackoffMillis, double jitter) {
        if (attempt.stage() == Stage.ANSWERED && attempt.status() >= 200 && attempt.status() < 300) {
            return new Decision(Verdict.DELIVERED, 0, null);
        }
        boolean unknown = mayHavePosted(attempt);
        if (unknown && !deduplicated) {
            return new Decision(Verdict.UNKNOWN, 0,
                    attempt.problem() + "; not sent again: it was sent in full and may have been posted");
        }
        boolean maybePosted = mayHavePosted || unknown;
        if (!unknown && !notActedOn(attempt)) {
            return giveUp(attempt.problem(), maybePosted);
        }
        if (n >= MAX_ATTEMPTS) {
            return giveUp(attempt.problem() + "; gave up after " + n + " attempts", maybePosted);
        }
        boolean asked = attempt.retryAfterMillis().isPresent() && (attempt.status() == 429 || attempt.status() == 503);
        long wait = asked ? attempt.retryAfterMillis().get() : backoff(n, baseBackoffMillis, jitter);
        if (wait >= millisLeft) {
            String why = asked
                    ? "; the platform asked to wait " + Durations.human(Duration.ofMillis(wait)) + ", more than the time left"
                    : "; no time left to retry (parity.notify.deadline)";
            return giveUp(attempt.problem() + why, maybePosted);
        }
        return new Decision(Verdict.RETRY, wait, attempt.problem());
    }

    /** Whether the platform may have acted on this attempt, without saying so: sending it again may post it twice. */
    static boolean mayHavePosted(Attempt attempt) {
        return attempt.stage() == Stage.NO_ANSWER
                || attempt.stage() == Stage.ANSWERED && (attempt.status() == 502 || attempt.status() == 504);
    }

    /** Whether the message certainly was not acted on, for a reason that may pass. */
    private static boolean notActedOn(Attempt attempt) {
        return switch (attempt.stage()) {
            case NOT_CONNECTED, NOT_SENT -> true;
            case NO_ANSWER -> false;
            case ANSWERED -> attempt.status() == 408 || attempt.status() == 429 || attempt.status() == 500
                    || attempt.status() == 503;
        };
    }

    private static Decision giveUp(String detail, boolean maybePosted) {
        return maybePosted
                ? new Decision(Verdict.UNKNOWN, 0, detail + "; it may have been posted")
                : new Decision(Verdict.FAILED, 0, detail);
    }

    /** Exponential with jitter: 0.5–1 s, 1–2 s, 2–4 s, … capped at 8 s (with the default base of 500 ms). */
    static long backoff(int attempt, long baseBackoffMillis, double jitter) {
        long base = Math.min(MAX_BACKOFF_MILLIS, baseBackoffMillis << Math.min(attempt - 1, 10));
        return base / 2 + (long) (jitter * (base / 2 + 1));
    }

    /**
     * How long the platform asked to wait: {@code Retry-After} in seconds or as an HTTP date (RFC 9110
     * §10.2.3), else Discord's JSON {@code retry_after} (seconds, fractional).
     *
     * @param headers with lower-case names
     */
    static Optional<Long> retryAfterMillis(Map<String, String> headers, String body, Instant now) {
        String header = headers.get("retry-after");
        if (header != null) {
            try {
                return Optional.of(Math.max(0, (long) (Double.parseDouble(header.trim()) * 1000)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant when = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return Optional.of(Math.max(0, Duration.between(now, when).toMillis()));
                } catch (DateTimeParseException ignored) {
                    // fall through to the body
                }
            }
        }
        try {
            JsonNode doc = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (doc != null && doc.path("retry_after").isNumber()) {
                return Optional.of(Math.max(0, (long) (doc.get("retry_after").asDouble() * 1000)));
            }
        } catch (Exception notJson) {
            // no hint
        }
        return Optional.empty();
    }

    /** The status line and the start of the body, on one line, as an error for people. */
    static String describe(int status, String body) {
        String snippet = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (snippet.length() > 200) {
            snippet = snippet.substring(0, 200) + "…";
        }
        String line = "HTTP " + status + (snippet.isEmpty() ? "" : " " + snippet);
        if (status >= 300 && status < 400) {
            line += " (webhooks are not followed to another URL)";
        }
        return line;
    }
}
