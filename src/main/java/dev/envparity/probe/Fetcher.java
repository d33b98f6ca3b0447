package dev.envparity.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import dev.envparity.report.Durations;

/**
 * GETs one URL within a deadline: follows at most {@code maxRedirects} redirects itself (configured headers
 * are dropped when a redirect leaves the origin, so credentials never travel to another host), caps the body,
 * and turns every failure into a {@link ProbeFailure} with a sentence a human can act on.
 */
public final class Fetcher {
    private static final String ACCEPT = "application/json, application/health+json;q=0.9, text/plain;q=0.8, */*;q=0.5";

    private final HttpClient client;
    private final long maxBodyBytes;
    private final int maxRedirects;
    private final String userAgent;

    public Fetcher(HttpClient client, long maxBodyBytes, int maxRedirects, String userAgent) {
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
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofMillis(leftMillis))
                .header("Accept", ACCEPT).header("User-Agent", userAgent);
        headers.forEach(request::header);

        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(),
                info -> new CappedBody(maxBodyBytes, info.headers().firstValueAsLong("content-length").orElse(-1)));
        // The request timeout covers connect and headers; this guard also bounds a body that trickles in.
        CompletableFuture<HttpResponse<byte[]>> guarded = exchange.copy().orTimeout(leftMillis, TimeUnit.MILLISECONDS);
        return guarded.handle((response, error) -> {
            if (error != null) {
                exchange.cancel(true);
                return CompletableFuture.<Fetched>failedFuture(describe(unwrap(error), uri, budget));
            }
            if (isRedirect(response.statusCode())) {
                return follow(origin, uri, response, headers, deadlineNanos, budget, hops);
            }
            return CompletableFuture.completedFuture(
                    new Fetched(uri, response.statusCode(), response.headers(), response.body()));
        }).thenCompose(f -> f);
    }

    private CompletableFuture<Fetched> follow(URI origin, URI uri, HttpResponse<byte[]> response,
            Map<String, String> headers, long deadlineNanos, Duration budget, int hops) {
        String location = response.headers().firstValue("location").orElse(null);
        if (location == null) {
            return CompletableFuture.failedFuture(
                    new ProbeFailure(HttpStatusText.of(response.statusCode()) + " without a Location header", false));
        }
        if (hops >= maxRedirects) {
            return CompletableFuture.failedFuture(new ProbeFailure(
                    "more than " + maxRedirects + " redirects (last to " + display(uri.resolve(location)) + ")", false));
        }
        URI next;
        try {
            next = uri.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new ProbeFailure("redirect to an invalid URL", false));
        }
        if ("https".equals(uri.getScheme()) && !"https".equals(next.getScheme())) {
            return CompletableFuture.failedFuture(
                    new ProbeFailure("refused redirect from https to " + display(next), false));
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

    /** Scheme, host, port and path: enough to find the endpoint, never a query that may hold a token. */
    public static String display(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static ProbeFailure timedOut(Duration budget) {
        return new ProbeFailure("timed out after " + Durations.human(budget), false);
    }

    private static ProbeFailure describe(Throwable t, URI uri, Duration budget) {
        if (t instanceof ProbeFailure) {
            return (ProbeFailure) t;
        }
        if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException
                || t instanceof TimeoutException || t instanceof CancellationException) {
            return timedOut(budget);
        }
        if (t instanceof ConnectException) {
            Throwable cause = t.getCause();
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return new ProbeFailure("unknown host " + uri.getHost(), true);
            }
            return new ProbeFailure("connection refused by " + uri.getHost() + ":" + port(uri), true);
        }
        if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
            return new ProbeFailure("unknown host " + uri.getHost(), true);
        }
        if (t instanceof SSLException) {
            return new ProbeFailure("TLS error: " + tlsReason(t), false);
        }
        if (t instanceof IOException) {
            String m = t.getMessage();
            return new ProbeFailure("connection failed: " + (m == null ? t.getClass().getSimpleName() : m), true);
        }
        return new ProbeFailure("request failed: " + t, false);
    }

    private static String tlsReason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (m.contains("PKIX path building failed") || m.contains("unable to find valid certification path")) {
                return "certificate not trusted (add its CA with parity.probe.trust-store)";
            }
            if (m.contains("No subject alternative")) {
                return "certificate does not match the host name";
            }
            if (m.contains("validity check failed") || m.contains("NotAfter")) {
                return "certificate expired";
            }
        }
        return String.valueOf(t.getMessage());
    }
}
