package dev.envparity.probe;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Reads a body into memory but gives up, and cancels the stream, once it passes {@code limit} bytes. */
final class CappedBody implements BodySubscriber<byte[]> {
    private final long limit;
    private final long declaredLength;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    CappedBody(long limit, long declaredLength) {
        this.limit = limit;
        this.declaredLength = declaredLength;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declaredLength > limit) {
            tooLarge();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
            if (buffer.size() + (long) b.remaining() > limit) {
                tooLarge();
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            buffer.write(chunk, 0, chunk.length);
        }
    }

    private void tooLarge() {
        subscription.cancel();
        result.completeExceptionally(new ProbeFailure("response body is larger than " + Bytes.human(limit), false));
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    static final class Bytes {
        private Bytes() {
        }

        static String human(long bytes) {
            if (bytes % (1024 * 1024) == 0) {
                return bytes / (1024 * 1024) + " MiB";
            }
            return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
        }
    }
}
