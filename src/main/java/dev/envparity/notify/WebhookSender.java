package dev.envparity.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.report.Durations;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The one way envparity posts to a chat webhook, and its one retry policy (see protocols §1.0):
 * <ul>
 * <li>any 2xx is delivered (Teams Workflows answers 202, Slack and Mattermost a bare {@code ok});</li>
 * <li>429 waits as the platform says — {@code Retry-After} (seconds or a date), or Discord's JSON
 * {@code retry_after} — else backs off;</li>
 * <li>5xx, refused or reset connections and timeouts back off exponentially with jitter;</li>
 * <li>other 4xx and redirects fail at once, with the status and the platform's short error
 * ({@code invalid_blocks}, {@code channel_not_found}, Discord's "Unknown Webhook");</li>
 * <li>all of it ends by the caller's deadline, so a Lambda invocation never runs out of time.</li>
 * </ul>
 * Errors never contain the URL or any part of it.
 */
@ApplicationScoped
public class WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    static final int MAX_ATTEMPTS = 6;
    private static final long ATTEMPT_TIMEOUT_MILLIS = 10_000;
    private static final Duration BASE_BACKOFF = Duration.ofMillis(500);
    private static final long MAX_BACKOFF_MILLIS = 8_000;
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final HttpClient client;
    private final long baseBackoffMillis;

    @Inject
    public WebhookSender(Vertx vertx) {
        this(vertx, BASE_BACKOFF);
    }

    /** @param baseBackoff the first retry's delay; tests shorten it */
    public WebhookSender(Vertx vertx, Duration baseBackoff) {
        this.vertx = vertx;
        this.baseBackoffMillis = baseBackoff.toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions().setVerifyHost(true).setMaxRedirects(0)
                .setTryUseCompression(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** What became of one message. */
    public record Delivery(boolean delivered, int attempts, int status, String error) {
    }

    /** @param deadlineNanos {@link System#nanoTime()} by which this delivery, retries included, has ended */
    public CompletableFuture<Delivery> post(Target target, byte[] body, String contentType, Map<String, String> headers,
            long deadlineNanos) {
        return attempt(target, body, contentType, headers, deadlineNanos, 1);
    }

    private CompletableFuture<Delivery> attempt(Target target, byte[] body, String contentType,
            Map<String, String> headers, long deadlineNanos, int n) {
        long left = millisLeft(deadlineNanos);
        return send(target, body, contentType, headers, Math.min(ATTEMPT_TIMEOUT_MILLIS, left)).thenCompose(answer -> {
            if (answer.status >= 200 && answer.status < 300) {
                return done(new Delivery(true, n, answer.status, null));
            }
            String problem = answer.describe(target);
            boolean retryable = answer.status == 429 || answer.status >= 500 || answer.status == 0;
            if (!retryable) {
                return done(new Delivery(false, n, answer.status, problem));
            }
            long wait = answer.status == 429 ? answer.retryAfterMillis().orElse(backoff(n)) : backoff(n);
            long remaining = millisLeft(deadlineNanos);
            if (n >= MAX_ATTEMPTS) {
                return done(new Delivery(false, n, answer.status, problem + "; gave up after " + n + " attempts"));
            }
            if (wait >= remaining) {
                String why = answer.status == 429 && answer.retryAfterMillis().isPresent()
                        ? "; the platform asked to wait " + Durations.human(Duration.ofMillis(wait))
                                + ", more than the time left"
                        : "; no time left to retry (parity.notify.deadline)";
                return done(new Delivery(false, n, answer.status, problem + why));
            }
            LOG.warnf("%s: %s; retrying in %s (attempt %d)", target.label(), problem,
                    Durations.human(Duration.ofMillis(wait)), n + 1);
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS))
                    .thenCompose(x -> attempt(target, body, contentType, headers, deadlineNanos, n + 1));
        });
    }

    /** Exponential with jitter: 0.5–1 s, 1–2 s, 2–4 s, … capped at 8 s. */
    private long backoff(int attempt) {
        long base = Math.min(MAX_BACKOFF_MILLIS, baseBackoffMillis << Math.min(attempt - 1, 10));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    private static long millisLeft(long deadlineNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    /** One attempt's outcome; status 0 means no HTTP answer (refused, reset, timed out). */
    private record Answer(int status, Map<String, String> headers, String body, String failure) {

        String describe(Target target) {
            if (status == 0) {
                return Redaction.scrub(failure, target.url());
            }
            String snippet = body == null ? "" : body.strip().replaceAll("\\s+", " ");
            if (snippet.length() > 200) {
                snippet = snippet.substring(0, 200) + "…";
            }
            String line = "HTTP " + status + (snippet.isEmpty() ? "" : " " + snippet);
            if (status >= 300 && status < 400) {
                line += " (webhooks are not followed to another URL)";
            }
            return Redaction.scrub(line, target.url());
        }

        /** Retry-After in seconds or as an HTTP date, else Discord's JSON retry_after (seconds, fractional). */
        Optional<Long> retryAfterMillis() {
            String header = headers.get("retry-after");
            if (header != null) {
                try {
                    return Optional.of((long) (Double.parseDouble(header.trim()) * 1000));
                } catch (NumberFormatException notSeconds) {
                    try {
                        Instant when = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                        return Optional.of(Math.max(0, Duration.between(Instant.now(), when).toMillis()));
                    } catch (DateTimeParseException ignored) {
                        // fall through to the body
                    }
                }
            }
            try {
                JsonNode doc = body == null || body.isBlank() ? null : JSON.readTree(body);
                if (doc != null && doc.path("retry_after").isNumber()) {
                    return Optional.of((long) (doc.get("retry_after").asDouble() * 1000));
                }
            } catch (Exception notJson) {
                // no hint
            }
            return Optional.empty();
        }
    }

    private CompletableFuture<Answer> send(Target target, byte[] body, String contentType, Map<String, String> headers,
            long timeoutMillis) {
        CompletableFuture<Answer> result = new CompletableFuture<>();
        if (timeoutMillis <= 0) {
            result.complete(new Answer(0, Map.of(), null, "no time left to send (parity.notify.deadline)"));
            return result;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(target.url().toString())
                .setFollowRedirects(false).setConnectTimeout(timeoutMillis)
                .putHeader("Content-Type", contentType).putHeader("User-Agent", "envparity");
        headers.forEach(options::putHeader);
        long timer = vertx.setTimer(timeoutMillis, id -> result.complete(new Answer(0, Map.of(), null,
                "timed out after " + Durations.human(Duration.ofMillis(timeoutMillis)))));
        client.request(options).onComplete(created -> {
            if (created.failed()) {
                result.complete(new Answer(0, Map.of(), null, failure(created.cause())));
                return;
            }
            var request = created.result();
            result.whenComplete((a, e) -> {
                if (a != null && a.status == 0) {
                    request.reset();
                }
            });
            request.response().onComplete(answered -> {
                if (answered.failed()) {
                    result.complete(new Answer(0, Map.of(), null, failure(answered.cause())));
                    return;
                }
                var response = answered.result();
                Buffer received = Buffer.buffer();
                response.handler(chunk -> {
                    if (received.length() < MAX_ERROR_BODY) {
                        received.appendBuffer(chunk);
                    }
                });
                response.exceptionHandler(e -> result.complete(new Answer(0, Map.of(), null, failure(e))));
                response.endHandler(end -> {
                    Map<String, String> h = new java.util.HashMap<>();
                    response.headers().forEach(e -> h.putIfAbsent(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
                    result.complete(new Answer(response.statusCode(), h, received.toString(), null));
                });
            });
            request.end(Buffer.buffer(body));
        });
        return result.whenComplete((a, e) -> vertx.cancelTimer(timer));
    }

    private static String failure(Throwable t) {
        if (t instanceof TimeoutException) {
            return "timed out";
        }
        if (t instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String m = t.getMessage();
        return "connection failed: " + (m == null ? t.getClass().getSimpleName() : m);
    }
}
