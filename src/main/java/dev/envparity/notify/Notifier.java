package dev.envparity.notify;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.report.ParityReport;

/**
 * One chat platform. An implementation is a CDI bean whose {@link #payload} is pure: it turns a digest into the
 * platform's typed message {@code M} (a record) and decides how much of it fits the platform's limits. Transport, retries and
 * secrecy are shared ({@link WebhookSender}). Adding a platform is one bean and its golden files: the
 * registry finds it through CDI, and the configuration accepts its {@link #type()}.
 */
public interface Notifier<M> {

    /** The value of {@code parity.notify.targets.<name>.type}. */
    String type();

    /**
     * @param report the run as this target sees it (its services and environments only)
     */
    M payload(Digest digest, ParityReport report);

    /** Platform rules for a target's URL (Teams refuses retired connector URLs); empty when acceptable. */
    default Optional<String> checkUrl(URI url) {
        return Optional.empty();
    }

    default boolean needsUrl() {
        return true;
    }

    default String contentType() {
        return "application/json";
    }

    /** Extra request headers, e.g. a signature over the body. */
    default Map<String, String> headers(Target target, ParityReport report, byte[] body) {
        return Map.of();
    }

    default CompletableFuture<WebhookSender.Delivery> deliver(Target target, Digest digest, ParityReport report,
            WebhookSender sender, ObjectMapper json, long deadlineNanos) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(payload(digest, report));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return sender.post(target, body, contentType(), headers(target, report, body), deadlineNanos);
    }
}
