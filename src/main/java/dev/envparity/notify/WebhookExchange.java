package dev.envparity.notify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import dev.envparity.notify.DeliveryPolicy.Attempt;
import dev.envparity.notify.DeliveryPolicy.Stage;
import dev.envparity.report.Durations;
import dev.envparity.report.UntrustedText;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * One attempt to post a message, on the wire, and how far it got: connected, request fully written, status
 * line received. Its result is known as soon as its meaning is — for a 2xx, the status line, however slowly the
 * body follows — while the exchange itself (reading an error's body, draining a 2xx body) runs until it ends or
 * its time is up, when the request is reset. Callbacks may come from different event-loop threads (the
 * connection's and the timer's), hence the locking. No text it produces contains the URL.
 */
final class WebhookExchange {
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final Clock clock;
    private final Vertx vertx;
    private final HttpClient client;
    private final Target target;
    private final long budgetMillis;
    private final CompletableFuture<Attempt> result = new CompletableFuture<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final Buffer received = Buffer.buffer();
    private HttpClientRequest request;
    private boolean sent;
    private int status;
    private Map<String, String> responseHeaders = Map.of();

    /** @param budgetMillis for the whole attempt, connecting included */
    WebhookExchange(Vertx vertx, HttpClient client, Target target, long budgetMillis, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
        this.client = client;
        this.target = target;
        this.budgetMillis = budgetMillis;
    }

    CompletableFuture<Attempt> post(byte[] body, String contentType, Map<String, String> headers) {
        if (budgetMillis <= 0) {
            failed(Stage.NOT_CONNECTED, "no time left to send (parity.notify.deadline)");
            return result;
        }
        long connectMillis = Math.min(DeliveryPolicy.CONNECT_TIMEOUT.toMillis(), budgetMillis);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(target.url().toString())
                .setFollowRedirects(false).setConnectTimeout(connectMillis)
                .putHeader("Content-Type", contentType).putHeader("User-Agent", "envparity");
        headers.forEach(options::putHeader);
        long timer = vertx.setTimer(budgetMillis, id -> timedOut());
        finished.whenComplete((x, e) -> vertx.cancelTimer(timer));
        client.request(options).onComplete(created -> {
            if (created.failed()) {
                failed(Stage.NOT_CONNECTED, notConnected(created.cause(), connectMillis));
                return;
            }
            if (!started(created.result())) {
                return;
            }
            HttpClientRequest req = created.result();
            req.response().onComplete(answered -> {
                if (answered.failed()) {
                    broken(answered.cause());
                    return;
                }
                HttpClientResponse response = answered.result();
                answered(response);
                response.handler(this::received);
                response.exceptionHandler(e -> ended());
                response.endHandler(end -> ended());
            });
            req.end(Buffer.buffer(body)).onComplete(written -> {
                if (written.succeeded()) {
                    sent();
                } else {
                    broken(written.cause());
                }
            });
        });
        return result;
    }

    /** @return false when the attempt timed out while connecting */
    private synchronized boolean started(HttpClientRequest created) {
        if (finished.isDone()) {
            created.reset();
            return false;
        }
        request = created;
        return true;
    }

    private synchronized void sent() {
        sent = true;
    }

    private synchronized void answered(HttpClientResponse response) {
        status = response.statusCode();
        Map<String, String> lowerCase = new HashMap<>();
        response.headers().forEach(h -> lowerCase.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        responseHeaders = lowerCase;
        if (status >= 200 && status < 300) {
            result.complete(Attempt.answered(status, Optional.empty(), null));
        }
    }

    private synchronized void received(Buffer chunk) {
        if (received.length() < MAX_ERROR_BODY) {
            received.appendBuffer(chunk);
        }
    }

    /** The response ended, completely or not: what arrived of the body is all there is. */
    private synchronized void ended() {
        result.complete(answer());
        finished.complete(null);
    }

    /** The connection broke, or the request could not be written. */
    private synchronized void broken(Throwable cause) {
        if (status != 0) {
            ended();
        } else if (sent) {
            failed(Stage.NO_ANSWER, "connection lost after the message was sent: " + reason(cause));
        } else {
            failed(Stage.NOT_SENT, "connection lost while sending: " + reason(cause));
        }
    }

    private synchronized void timedOut() {
        String after = Durations.human(Duration.ofMillis(budgetMillis));
        if (status != 0) {
            result.complete(answer());
        } else if (request == null) {
            result.complete(Attempt.failed(Stage.NOT_CONNECTED, "could not connect within " + after));
        } else if (!sent) {
            result.complete(Attempt.failed(Stage.NOT_SENT, "timed out after " + after + " while sending"));
        } else {
            result.complete(Attempt.failed(Stage.NO_ANSWER, "no answer within " + after + " of sending"));
        }
        if (request != null) {
            request.reset();
        }
        finished.complete(null);
    }

    private synchronized void failed(Stage stage, String problem) {
        result.complete(Attempt.failed(stage, Redaction.scrub(problem, target.url())));
        finished.complete(null);
    }

    private Attempt answer() {
        String text = received.toString(StandardCharsets.UTF_8);
        return Attempt.answered(status, DeliveryPolicy.retryAfterMillis(responseHeaders, text, clock.instant()),
                // Redact the whole body before it is cut short: a secret straddling the cut would stay half visible.
                DeliveryPolicy.describe(status, UntrustedText.printable(Redaction.scrub(text, target.url()))));
    }

    private static String notConnected(Throwable t, long connectMillis) {
        if (t instanceof TimeoutException || t instanceof ConnectTimeoutException) {
            return "could not connect within " + Durations.human(Duration.ofMillis(connectMillis));
        }
        if (t instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return "connection failed: " + reason(t);
    }

    private static String reason(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
