package dev.envparity.probe.http;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import dev.envparity.report.Durations;
import dev.envparity.report.UntrustedText;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;

/**
 * What Vert.x and Netty throw, in words a human can act on: "connection reset by host", "invalid HTTP response:
 * malformed chunked encoding". Never an exception's class name, never the bytes an endpoint sent (Netty's own
 * messages quote them), and whatever text does pass through is made printable.
 */
final class FetchFailures {
    private FetchFailures() {
    }

    static ProbeFailure timedOut(Duration budget) {
        return new ProbeFailure("timed out after " + Durations.human(budget), false);
    }

    static String bytes(long n) {
        return n % (1024 * 1024) == 0 ? n / (1024 * 1024) + " MiB" : n % 1024 == 0 ? n / 1024 + " KiB" : n + " bytes";
    }

    /**
     * @param answering true once the request was sent: an IllegalArgumentException is then Netty refusing the
     *        response (a status line, chunk size or Content-Length that is not HTTP), not a bad URL of ours
     */
    static ProbeFailure describe(Throwable t, URI uri, Duration budget, boolean answering) {
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
            return new ProbeFailure("connection refused by " + uri.getHost() + ":" + Fetcher.port(uri), true);
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SSLException) {
                return new ProbeFailure("TLS error: " + tlsReason(c), false);
            }
            if (c instanceof TooLongHttpLineException) {
                return new ProbeFailure("invalid HTTP response: status line longer than "
                        + bytes(HttpClientOptions.DEFAULT_MAX_INITIAL_LINE_LENGTH), false);
            }
            if (c instanceof TooLongFrameException) {
                return new ProbeFailure("invalid HTTP response: headers larger than " + bytes(HttpClientOptions.DEFAULT_MAX_HEADER_SIZE),
                        false);
            }
            if (answering && (c instanceof IllegalArgumentException || c instanceof DecoderException)) {
                return new ProbeFailure("invalid HTTP response: " + malformation(c), false);
            }
        }
        String m = String.valueOf(t.getMessage());
        if (t instanceof HttpClosedException || m.startsWith("Connection was closed")) {
            return new ProbeFailure("connection closed by " + uri.getHost() + " before the response was complete", true);
        }
        if (m.startsWith("Connection reset")) {
            return new ProbeFailure("connection reset by " + uri.getHost(), true);
        }
        return new ProbeFailure("connection failed: " + (t.getMessage() == null ? "no reason given"
                : UntrustedText.excerpt(t.getMessage(), 120)), true);
    }

    /** Netty's words quote the bytes it refused; ours say which part of the response was wrong. */
    private static String malformation(Throwable t) {
        String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("chunk")) {
            return "malformed chunked encoding";
        }
        if (m.contains("content-length")) {
            return "invalid or conflicting Content-Length";
        }
        if (m.contains("transfer-encoding")) {
            return "invalid Transfer-Encoding";
        }
        if (m.contains("version") || t instanceof NumberFormatException) {
            return "no valid HTTP status line";
        }
        return "malformed headers";
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
        return UntrustedText.excerpt(String.valueOf(t.getMessage()), 120);
    }
}
