package dev.envparity.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.envparity.net.QuietConnections;
import dev.envparity.report.Durations;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;

/**
 * The one way envparity posts to a chat webhook: each attempt is a {@link WebhookExchange}, which tells how far
 * it got on the wire; {@link DeliveryPolicy} decides what that means — delivered, sent again, failed, or unknown
 * because the platform may have posted it without answering. Every attempt uses a fresh connection (no
 * keep-alive), so that a stale pooled connection never leaves it unclear whether a request was sent. Errors
 * never contain the URL or any part of it.
 */
@ApplicationScoped
public class WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final Duration BASE_BACKOFF = Duration.ofMillis(500);

    private final Vertx vertx;
    private final HttpClient client;
    private final long baseBackoffMillis;
    private final Clock clock;

    @Inject
    public WebhookSender(Vertx vertx, Clock clock) {
        this(vertx, BASE_BACKOFF, clock);
    }

    /** @param baseBackoff the first retry's delay; tests shorten it */
    public WebhookSender(Vertx vertx, Duration baseBackoff) {
        this(vertx, baseBackoff, Clock.systemUTC());
    }

    /** @param clock reads Retry-After dates (RFC 9110 §10.2.3: an HTTP-date or a number of seconds) */
    public WebhookSender(Vertx vertx, Duration baseBackoff, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
        this.baseBackoffMillis = baseBackoff.toMillis();
        this.client = vertx.httpClientBuilder().with(new HttpClientOptions().setVerifyHost(true).setMaxRedirects(0)
                .setTryUseCompression(false).setKeepAlive(false)
                .setConnectTimeout((int) DeliveryPolicy.CONNECT_TIMEOUT.toMillis()))
                .withConnectHandler(QuietConnections::quietly).build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * What became of one message.
     *
     * @param error why it failed, or why its outcome is unknown; null when delivered
     */
    public record Delivery(Outcome outcome, int attempts, int status, String error) {

        public enum Outcome {
            /** The platform answered 2xx. */
            DELIVERED,
            /** The platform did not post it. */
            FAILED,
            /** Sent in full, but no answer said whether it was posted. */
            UNKNOWN
        }

        public Delivery(boolean delivered, int attempts, int status, String error) {
            this(delivered ? Outcome.DELIVERED : Outcome.FAILED, attempts, status, error);
        }

        public boolean delivered() {
            return outcome == Outcome.DELIVERED;
        }
    }

    /** @param deadlineNanos {@link System#nanoTime()} by which this delivery, retries included, has ended */
    public CompletableFuture<Delivery> post(Target target, byte[] body, String contentType, Map<String, String> headers,
            long deadlineNanos) {
        return attempt(target, body, contentType, headers, deadlineNanos, 1, false);
    }

    private CompletableFuture<Delivery> attempt(Target target, byte[] body, String contentType,
            Map<String, String> headers, long deadlineNanos, int n, boolean mayHavePosted) {
        boolean deduplicated = DeliveryPolicy.deduplicated(headers);
        long budget = DeliveryPolicy.attemptMillis(deduplicated, millisLeft(deadlineNanos));
        WebhookExchange exchange = new WebhookExchange(vertx, client, target, budget, clock);
        return exchange.post(body, contentType, headers).thenCompose(attempt -> {
            DeliveryPolicy.Decision decision = DeliveryPolicy.decide(attempt, n, deduplicated, mayHavePosted,
                    millisLeft(deadlineNanos), baseBackoffMillis, ThreadLocalRandom.current().nextDouble());
            Delivery.Outcome outcome = switch (decision.verdict()) {
                case DELIVERED -> Delivery.Outcome.DELIVERED;
                case FAILED -> Delivery.Outcome.FAILED;
                case UNKNOWN -> Delivery.Outcome.UNKNOWN;
                case RETRY -> null;
            };
            if (outcome != null) {
                return CompletableFuture.completedFuture(new Delivery(outcome, n, attempt.status(), decision.detail()));
            }
            LOG.warnf("%s: %s; retrying in %s (attempt %d)", target.label(), decision.detail(),
                    Durations.human(Duration.ofMillis(decision.waitMillis())), n + 1);
            boolean posted = mayHavePosted || DeliveryPolicy.mayHavePosted(attempt);
            return CompletableFuture.supplyAsync(() -> null,
                    CompletableFuture.delayedExecutor(decision.waitMillis(), TimeUnit.MILLISECONDS))
                    .thenCompose(x -> attempt(target, body, contentType, headers, deadlineNanos, n + 1, posted));
        });
    }

    private static long millisLeft(long deadlineNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

}
