package dev.envparity.probe;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import dev.envparity.report.Durations;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * GETs one URL within a deadline on Vert.x' non-blocking client: follows at most {@code maxRedirects} redirects
 * itself (configured headers are dropped when a redirect leaves the origin, so credentials never travel to
 * another host), stops reading a body past {@code maxBodyBytes}, and turns every failure into a
 * {@link ProbeFailure} with a sentence a human can act on.
 */
public final class Fetcher {
    private static final String ACCEPT = "application/json, application/health+json;q=0.9, text/plain;q=0.8, */*;q=0.5";

    private final Vertx vertx;
    private final HttpClient client;
    private final long maxBodyBytes;
    private final int maxRedirects;
    private final String userAgent;

    public Fetcher(Vertx vertx, HttpClient client, long maxBodyBytes, int maxRedirects, String userAgent) {
        this.vertx = vertx;
        this.client = client;
        this.maxBodyBytes = maxBodyBytes;
        this.maxRedirects = maxRedirects;
        this.userAgent = userAgent;
    }

    /** @param deadlineNanos {@link System#nanoTime()} by which the whole exchange, redirects included, ends */
    public CompletableFuture<Fetched> get(URI uri, Map<String, String> headers, long deadlineNanos, Duration budget) {
        return send(uri, uri, headers, deadlineNanos, budget, 0);
    }

    private CompletableFuture<Fetched> send(URI origin, URI uri, Map<String, String> headers, long deadlineNanos,
            Duration budget, int hops) {
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (leftMillis <= 0) {
            return CompletableFuture.failedFuture(timedOut(budget));
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
                .setFollowRedirects(false).setConnectTimeout(leftMillis)
                .putHeader("Accept", ACCEPT).putHeader("User-Agent", userAgent);
        headers.forEach(options::putHeader);

        CompletableFuture<Fetched> result = new CompletableFuture<>();
        // One timer bounds connect, headers and a body that trickles in.
        long timer = vertx.setTimer(leftMillis, id -> result.completeExceptionally(timedOut(budget)));
        client.request(options).onComplete(created -> {
            if (created.failed()) {
                result.completeExceptionally(describe(created.cause(), uri, budget));
                return;
            }
            var request = created.result();
            result.whenComplete((done, error) -> {
                if (error != null) {
                    request.reset(); // stop a timed-out or oversized exchange, free its connection
                }
            });
            request.response().onComplete(answered -> {
                if (answered.failed()) {
                    result.completeExceptionally(describe(answered.cause(), uri, budget));
                } else {
                    readBody(uri, answered.result(), result);
                }
            });
            request.end();
        });
        return result.whenComplete((done, error) -> vertx.cancelTimer(timer)).thenCompose(fetched -> {
            if (isRedirect(fetched.status())) {
                return follow(origin, fetched, headers, deadlineNanos, budget, hops);
            }
            return CompletableFuture.completedFuture(fetched);
        });
    }

    private void readBody(URI uri, HttpClientResponse response, CompletableFuture<Fetched> result) {
        long declared = parseLength(response.getHeader("content-length"));
        if (declared > maxBodyBytes) {
            result.completeExceptionally(tooLarge());
            return;
        }
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + (long) chunk.length() > maxBodyBytes) {
                result.completeExceptionally(tooLarge());
            } else if (!result.isDone()) {
                body.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(e -> result.completeExceptionally(describe(e, uri, Duration.ZERO)));
        response.endHandler(end -> {
            Map<String, String> headers = new HashMap<>();
            response.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            result.complete(new Fetched(uri, response.statusCode(), headers, body.getBytes()));
        });
    }

    private ProbeFailure tooLarge() {
        return new ProbeFailure("response body is larger than " + bytes(maxBodyBytes), false);
    }

    private CompletableFuture<Fetched> follow(URI origin, Fetched redirect, Map<String, String> headers,
            long deadlineNanos, Duration budget, int hops) {
        URI uri = redirect.uri();
        String location = redirect.header("location").orElse(null);
        if (location == null) {
            return CompletableFuture.failedFuture(new ProbeFailure(redirect.statusLine() + " without a Location header", false));
        }
        URI next;
        try {
            next = uri.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new ProbeFailure("redirect to an invalid URL", false));
        }
        if (hops >= maxRedirects) {
            return CompletableFuture.failedFuture(
                    new ProbeFailure("more than " + maxRedirects + " redirects (last to " + display(next) + ")", false));
        }
        if ("https".equals(uri.getScheme()) && !"https".equals(next.getScheme())) {
            return CompletableFuture.failedFuture(new ProbeFailure("refused redirect from https to " + display(next), false));
        }
        Map<String, String> carried = sameOrigin(origin, next) ? headers : Map.of();
        return send(origin, next, carried, deadlineNanos, budget, hops + 1);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    private static long parseLength(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Scheme, host, port and path: enough to find the endpoint, never a query that may hold a token. */
    public static String display(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    static ProbeFailure timedOut(Duration budget) {
        return new ProbeFailure("timed out after " + Durations.human(budget), false);
    }

    private static String bytes(long n) {
        return n % (1024 * 1024) == 0 ? n / (1024 * 1024) + " MiB" : n % 1024 == 0 ? n / 1024 + " KiB" : n + " bytes";
    }

    private static ProbeFailure describe(Throwable t, URI uri, Duration budget) {
        if (t instanceof ProbeFailure) {
            return (ProbeFailure) t;
        }
        if (t instanceof TimeoutException) {
            return timedOut(budget);
        }
        if (t instanceof UnknownHostException || String.valueOf(t.getMessage()).startsWith("Failed to resolve")) {
            return new ProbeFailure("unknown host " + uri.getHost(), true);
        }
        if (t instanceof ConnectException) {
            return new ProbeFailure("connection refused by " + uri.getHost() + ":" + port(uri), true);
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SSLException) {
                return new ProbeFailure("TLS error: " + tlsReason(c), false);
            }
        }
        String m = t.getMessage();
        return new ProbeFailure("connection failed: " + (m == null ? t.getClass().getSimpleName() : m), true);
    }

    private static String tlsReason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (m.contains("PKIX path building failed") || m.contains("unable to find valid certification path")) {
                return "certificate not trusted (add its CA with parity.probe.trust-store)";
            }
            if (m.contains("No subject alternative") || m.contains("No name matching")) {
                return "certificate does not match the host name";
            }
            if (m.contains("validity check failed") || m.contains("NotAfter")) {
                return "certificate expired";
            }
        }
        return String.valueOf(t.getMessage());
    }
}
