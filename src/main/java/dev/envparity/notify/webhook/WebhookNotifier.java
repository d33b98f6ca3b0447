package dev.envparity.notify.webhook;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.envparity.notify.Digest;
import dev.envparity.notify.Notifier;
import dev.envparity.notify.Target;
import dev.envparity.report.ParityReport;
import dev.envparity.crypto.StandardWebhooks;

/**
 * A generic JSON webhook for your own bridge, incident tool or data lake: the body is the JSON report as this
 * target sees it (its services and environments). With a {@code secret}, requests are signed the Standard
 * Webhooks way ({@code webhook-id} stays the same across retries, so receivers can drop duplicates).
 */
@ApplicationScoped
public class WebhookNotifier implements Notifier<ParityReport> {

    private final Clock clock;

    @Inject
    public WebhookNotifier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public ParityReport payload(Digest digest, ParityReport report) {
        return report;
    }

    @Override
    public Map<String, String> headers(Target target, ParityReport report, byte[] body) {
        String id = "msg_" + report.id() + "_" + target.name();
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", String.valueOf(timestamp));
        if (target.secret() != null) {
            headers.put("webhook-signature", StandardWebhooks.sign(StandardWebhooks.key(target.secret()), id, timestamp, body));
        }
        return headers;
    }
}
