package dev.envparity.probe.http;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * GETs one URL within a deadline on Vert.x' non-blocking client: follows at most {@code maxRedirects} redirects
 * itself (only to http and https; configured headers are dropped when a redirect leaves the origin, so
 * credentials never travel to another host), stops reading a body past {@code maxBodyBytes}, refuses a body it
 * cannot read as sent (compressed although it asked for none, or partial), and turns every failure into a
 * {@link ProbeFailure} with a sentence a human can act on — never an exception's name, never bytes the
 * endpoint sent.
 */
public final class Fetcher {
    private static final String ACCEPT = "application/json, application/health+json;q=0.9, text/plain;q=0.8, */*;q=0.5";
    /** RFC 9110 §12.5.3: without Accept-Encoding any coding is acceptable, so ask for none explicitly. */
    private static final String ACCEPT_ENCODING = "identity";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._+-]{1,32}");

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
        long leftNanos = deadlineNanos - System.nanoTime();
        // Rounded up: a timer must not end the exchange before its deadline (299.6 ms left is a 300 ms timer).
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(leftNanos + TimeUnit.MILLISECONDS.toNanos(1) - 1);
        if (leftNanos <= 0) {
            return CompletableFuture.failedFuture(FetchFailures.timedOut(budget));
        }
        RequestOptions options;
        try {
            options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
                    .setFollowRedirects(false).setConnectTimeout(leftMillis)
                    .putHeader("Accept", ACCEPT).putHeader("Accept-Encoding", ACCEPT_ENCODING).putHeader("User-Agent", userAgent);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new ProbeFailure("invalid URL " + display(uri), false));
        }
        headers.forEach(options::putHeader);

        CompletableFuture<Fetched> result = new CompletableFuture<>();
        // One timer bounds connect, headers and a body that trickles in.
        long timer = vertx.setTimer(leftMillis, id -> result.completeExceptionally(FetchFailures.timedOut(budget)));
        client.request(options).onComplete(created -> {
            if (created.failed()) {
                result.completeExceptionally(FetchFailures.describe(created.cause(), uri, budget, false));
                return;
            }
            var request = created.result();
            result.whenComplete((done, error) -> {
                if (error != null) {
                    request.reset(); // stop a timed-out or oversized exchange, free its connection
                }
            });
            // The connection is open (set up, or taken from the pool): from here on, the time is the service's.
            long sent = System.nanoTime();
            request.response().onComplete(answered -> {
                if (answered.failed()) {
                    result.completeExceptionally(FetchFailures.describe(answered.cause(), uri, budget, true));
                } else {
                    readBody(uri, answered.result(), sent, result);
                }
            });
            request.end();
        });
        return result.whenComplete((done, error) -> vertx.cancelTimer(timer)).thenCompose(fetched -> {
            if (isRedirect(fetched.status())) {
                return follow(origin, fetched, headers, deadlineNanos, budget, hops);
            }
            ProbeFailure unreadable = unreadable(fetched);
            return unreadable == null ? CompletableFuture.completedFuture(fetched) : CompletableFuture.failedFuture(unreadable);
        });
    }

    /** Why a body cannot be read as the answer it claims to be, or null when it can. */
    private static ProbeFailure unreadable(Fetched fetched) {
        String coding = fetched.header("content-encoding").map(String::strip).orElse("");
        if (fetched.body().length > 0 && !coding.isEmpty() && !coding.equalsIgnoreCase(ACCEPT_ENCODING)) {
            return new ProbeFailure("answered Content-Encoding: " + (TOKEN.matcher(coding).matches() ? coding : "(unreadable)")
                    + ", which envparity did not ask for (it sends Accept-Encoding: identity)", false);
        }
        if (fetched.status() == 206) {
            return new ProbeFailure(fetched.statusLine() + " to a request for the whole body", false);
        }
        return null;
    }

    private void readBody(URI uri, HttpClientResponse response, long sent, CompletableFuture<Fetched> result) {
        // First, so that resetting an oversized answer below is not logged by Vert.x as an unhandled error.
        response.exceptionHandler(e -> result.completeExceptionally(FetchFailures.describe(e, uri, Duration.ZERO, true)));
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
        response.endHandler(end -> {
            Map<String, String> headers = new HashMap<>();
            response.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            result.complete(new Fetched(uri, response.statusCode(), headers, body.getBytes(), System.nanoTime() - sent));
        });
    }

    private ProbeFailure tooLarge() {
        return new ProbeFailure("response body is larger than " + FetchFailures.bytes(maxBodyBytes), false);
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
        String scheme = String.valueOf(next.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return CompletableFuture.failedFuture(new ProbeFailure("refused redirect to " + display(next), false));
        }
        if (next.getHost() == null) {
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
        return send(origin, next, carried, deadlineNanos, budget, hops + 1).thenApply(f -> f.after(redirect.wireNanos()));
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
                && port(a) == port(b);
    }

    static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    private static long parseLength(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Scheme, host, port and path: enough to find the endpoint, never user info or a query that may hold a token.
     * An opaque URI ("javascript:…", "mailto:…") shows its scheme only.
     */
    public static String display(URI uri) {
        if (uri.isOpaque()) {
            return uri.getScheme() + ":…";
        }
        return (uri.getScheme() == null ? "" : uri.getScheme() + ":") + "//" + (uri.getHost() == null ? "" : uri.getHost())
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
