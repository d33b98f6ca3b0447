package dev.envparity.net;

import org.jboss.logging.Logger;

import dev.envparity.report.UntrustedText;
import io.vertx.core.http.HttpConnection;

/**
 * Without a handler of its own, Vert.x logs every connection-level failure at ERROR — garbage, a reset in mid-body,
 * an invalid chunk, a header past the limit — including bytes the other side sent. The request that met the failure
 * already reports it (as a probe's error, or a delivery's outcome), so a hostile endpoint or chat target cannot fill
 * the log.
 */
public final class QuietConnections {
    private static final Logger LOG = Logger.getLogger(QuietConnections.class);

    private QuietConnections() {
    }

    /** For {@code HttpClientBuilder.withConnectHandler}. */
    public static void quietly(HttpConnection connection) {
        connection.exceptionHandler(e -> LOG.debugf("connection to %s failed: %s", connection.remoteAddress(),
                UntrustedText.excerpt(String.valueOf(e.getMessage()), 120)));
    }
}
