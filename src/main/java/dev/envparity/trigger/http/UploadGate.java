package dev.envparity.trigger.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds the request bodies being received at once — by count and by bytes held — without ever refusing a
 * newcomer: when a bound is passed, the oldest uploads give way. Valid senders (deploy tools, browsers) send their
 * body in milliseconds and are never the oldest; a client trickling a byte every few seconds is, so however many
 * of them there are, they cannot lock anyone out. Every upload is anonymous while it is received: webhook
 * signatures cover the body, so nothing can be verified before its last byte.
 */
final class UploadGate {

    /** An upload in progress. */
    interface Upload {
        /** Gives way: answers the client and closes its connection. Called outside the gate's lock. */
        void evict();
    }

    private final int maxUploads;
    private final long maxBytes;
    /** Insertion order is age: the first entry is the oldest upload. */
    private final Map<Upload, Long> inFlight = new LinkedHashMap<>();
    private long bytes;

    UploadGate(int maxUploads, long maxBytes) {
        this.maxUploads = maxUploads;
        this.maxBytes = maxBytes;
    }

    void admit(Upload upload) {
        List<Upload> evicted;
        synchronized (this) {
            inFlight.put(upload, 0L);
            evicted = overflow();
        }
        evicted.forEach(Upload::evict);
    }

    /** Counts {@code n} more bytes held for {@code upload}. */
    void received(Upload upload, int n) {
        List<Upload> evicted;
        synchronized (this) {
            Long held = inFlight.get(upload);
            if (held == null) {
                return;
            }
            inFlight.put(upload, held + n);
            bytes += n;
            evicted = overflow();
        }
        evicted.forEach(Upload::evict);
    }

    /** The upload is over (received, refused or gone): it no longer counts. */
    synchronized void leave(Upload upload) {
        Long held = inFlight.remove(upload);
        if (held != null) {
            bytes -= held;
        }
    }

    synchronized int inFlight() {
        return inFlight.size();
    }

    private List<Upload> overflow() {
        List<Upload> evicted = new ArrayList<>();
        var oldest = inFlight.entrySet().iterator();
        while ((inFlight.size() > maxUploads || bytes > maxBytes) && oldest.hasNext()) {
            var e = oldest.next();
            bytes -= e.getValue();
            oldest.remove();
            evicted.add(e.getKey());
        }
        return evicted;
    }
}
