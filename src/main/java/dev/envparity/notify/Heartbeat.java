package dev.envparity.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.envparity.config.HeartbeatPlan;
import dev.envparity.net.QuietConnections;
import dev.envparity.report.Durations;
import dev.envparity.report.NotificationResult;
import dev.envparity.report.ParityReport;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * {@code parity.heartbeat}: a dead man's switch. After every check envparity calls the ping URL — or its failure URL
 * when the check could not run, a notification failed, or the history or notification state could not be kept — the
 * convention of healthchecks.io (https://healthchecks.io/docs/http_api/), Cronitor and Better Stack, which alert when
 * the pings stop. A heartbeat is bounded by its timeout and never fails the check; the URL is a secret and is never
 * logged: a failed ping is reported by its status or cause only.
 */
@ApplicationScoped
public class Heartbeat {
    private static final Logger LOG = Logger.getLogger(Heartbeat.class);

    private final HeartbeatPlan plan;
    private final HttpClient client;

    @Inject
    public Heartbeat(HeartbeatPlan plan, Vertx vertx) {
        this.plan = plan;
        this.client = vertx.httpClientBuilder().with(new HttpClientOptions().setVerifyHost(true).setMaxRedirects(0)
                .setKeepAlive(false).setConnectTimeout((int) plan.timeout().toMillis()))
                .withConnectHandler(QuietConnections::quietly).build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** After a check that ran: the ping, or the failure ping when part of it could not be done. */
    public void beat(ParityReport report) {
        boolean failed = report.historyError() != null
                || report.notifications().stream().anyMatch(n -> n.outcome() == NotificationResult.Outcome.FAILED);
        send(failed, report.severity().id() + ": " + report.services().size() + " services, "
                + report.notifications().stream().filter(n -> n.outcome() == NotificationResult.Outcome.FAILED).count()
                + " notifications failed" + (report.historyError() == null ? "" : ", history not kept"));
    }

    /** After a check that could not run at all. */
    public void failed(Throwable cause) {
        send(true, "the check could not run: " + cause.getClass().getSimpleName());
    }

    private void send(boolean failed, String summary) {
        if (plan.url().isEmpty()) {
            return;
        }
        URI url = failed ? plan.failUrl().orElseThrow() : plan.url().get();
        long timeout = plan.timeout().toMillis();
        RequestOptions options = new RequestOptions().setMethod(plan.post() ? HttpMethod.POST : HttpMethod.GET)
                .setAbsoluteURI(url.toString()).setFollowRedirects(false).setTimeout(timeout)
                .putHeader("User-Agent", "envparity");
        CompletableFuture<Integer> status = new CompletableFuture<>();
        client.request(options)
                .compose(req -> plan.post() ? req.send(Buffer.buffer(summary.getBytes(StandardCharsets.UTF_8))) : req.send())
                .compose(res -> res.body().map(body -> res.statusCode()))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        status.complete(done.result());
                    } else {
                        status.completeExceptionally(done.cause());
                    }
                });
        try {
            int code = status.get(timeout + 1000, TimeUnit.MILLISECONDS);
            if (code / 100 != 2) {
                LOG.warnf("The heartbeat (%s) was answered HTTP %d", failed ? "failure" : "success", code);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warnf("The heartbeat (%s) could not be sent within %s: %s", failed ? "failure" : "success",
                    Durations.human(plan.timeout()), Redaction.scrub(cause.getClass().getSimpleName() + " "
                            + String.valueOf(cause.getMessage()), url));
        }
    }
}
