package dev.envparity.trigger.http;

import java.time.Duration;
import java.util.function.Consumer;

import dev.envparity.web.HttpAnswer;
import dev.envparity.web.Routes;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Receives one request body on the event loop, before any worker thread is involved, so that a client trickling
 * its body holds no thread: the whole body must arrive within a deadline, may not pass the route's limit (413 from
 * Content-Length alone, unread), and counts against the {@link UploadGate} while it arrives.
 */
final class BodyReader implements UploadGate.Upload {
    private final RoutingContext ctx;
    private final int limit;
    private final UploadGate gate;
    private final Consumer<byte[]> onBody;
    private final Consumer<HttpAnswer> onRefused;
    private final Context context;
    private final Buffer body = Buffer.buffer();
    private long timer = -1;
    private boolean over;

    private BodyReader(RoutingContext ctx, int limit, UploadGate gate, Consumer<byte[]> onBody, Consumer<HttpAnswer> onRefused) {
        this.ctx = ctx;
        this.limit = limit;
        this.gate = gate;
        this.onBody = onBody;
        this.onRefused = onRefused;
        this.context = ctx.vertx().getOrCreateContext();
    }

    /**
     * @param onBody the complete body, on the event loop
     * @param onRefused the answer that ends the request with its body unread (413, 408; 400 when the client went
     *        away, which nobody reads but which ends the request), on the event loop; exactly one of the two is called
     */
    static void read(RoutingContext ctx, int limit, Duration deadline, UploadGate gate, Consumer<byte[]> onBody,
            Consumer<HttpAnswer> onRefused) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) { // read already (by a handler Quarkus installed), or nothing to read
            Buffer read = ctx.body().buffer();
            onBody.accept(read == null ? new byte[0] : read.getBytes());
            return;
        }
        if (declaredLength(request) > limit) {
            onRefused.accept(Routes.tooLarge(limit));
            return;
        }
        new BodyReader(ctx, limit, gate, onBody, onRefused).start(deadline);
    }

    private void start(Duration deadline) {
        HttpServerRequest request = ctx.request();
        gate.admit(this);
        timer = ctx.vertx().setTimer(deadline.toMillis(),
                id -> refuse(HttpAnswer.error(408, "the request body did not arrive within " + deadline.toSeconds() + " s")));
        request.handler(this::data).endHandler(v -> end())
                .exceptionHandler(gone -> refuse(HttpAnswer.error(400, "the connection closed before the body was complete")));
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            ctx.response().writeContinue(); // RFC 9110 §10.1.1: the client waits for this before it sends the body
        }
        request.resume();
    }

    private void data(Buffer chunk) {
        if (over) {
            return;
        }
        if (body.length() + chunk.length() > limit) {
            refuse(Routes.tooLarge(limit));
            return;
        }
        body.appendBuffer(chunk);
        gate.received(this, chunk.length());
    }

    private void end() {
        if (!over) {
            finish();
            onBody.accept(body.getBytes());
        }
    }

    @Override
    public void evict() {
        context.runOnContext(v -> refuse(HttpAnswer.error(408, "too many request bodies arriving at once; this one was the slowest")));
    }

    private void refuse(HttpAnswer answer) {
        if (!over) {
            finish();
            onRefused.accept(answer);
        }
    }

    /** Ends the upload however it ended: received, refused, or the client went away. */
    private void finish() {
        over = true;
        if (timer >= 0) {
            ctx.vertx().cancelTimer(timer);
        }
        gate.leave(this);
    }

    private static long declaredLength(HttpServerRequest request) {
        try {
            String length = request.getHeader("Content-Length");
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
