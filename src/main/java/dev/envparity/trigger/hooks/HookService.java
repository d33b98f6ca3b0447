package dev.envparity.trigger.hooks;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.state.DeliveryLog;
import dev.envparity.state.PendingDeploy;
import dev.envparity.trigger.http.HttpAnswer;
import io.quarkus.arc.All;

/**
 * Receives deploy webhooks, in an order that lets nothing unverified through: size (413), signature or token
 * (401), replay (409), body (400), relevance (202 "ignored" with the reason), and only then a verification
 * (202 "accepted"). Nothing before "accepted" probes a service or posts to chat.
 */
@ApplicationScoped
public class HookService {
    /** GitHub caps payloads at 25 MB; deploy events are a few KB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(HookService.class);

    private final Map<String, DeployHook> hooks = new TreeMap<>();
    private final DeliveryLog deliveries;
    private final ServiceDirectory directory;
    private final DeployDispatcher dispatcher;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    public HookService(@All List<DeployHook> hooks, DeliveryLog deliveries, ServiceDirectory directory,
            DeployDispatcher dispatcher, ObjectMapper json, Clock clock) {
        hooks.forEach(h -> this.hooks.put(h.provider(), h));
        this.deliveries = deliveries;
        this.directory = directory;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
    }

    public HttpAnswer receive(String provider, Map<String, String> headers, byte[] body) {
        DeployHook hook = hooks.get(provider);
        if (hook == null) {
            return HttpAnswer.error(404, "no webhook /hooks/" + provider + "; use one of "
                    + hooks.keySet().stream().map(p -> "/hooks/" + p).collect(Collectors.joining(", ")));
        }
        if (body.length > MAX_BODY_BYTES) {
            return HttpAnswer.error(413, "body larger than 1 MiB");
        }
        HookRequest request = new HookRequest(provider, headers, body);
        Instant now = clock.instant();
        Optional<String> refused = hook.verify(request, now);
        if (refused.isPresent()) {
            LOG.warnf("Refused a %s webhook: %s", provider, refused.get());
            return HttpAnswer.error(401, refused.get());
        }
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (IOException e) {
            document = null;
        }
        if (document == null || !document.isObject()) {
            return HttpAnswer.error(400, "the body is not a JSON object");
        }
        Optional<String> delivery = hook.deliveryId(request, document);
        if (delivery.isPresent() && !deliveries.firstDelivery(provider + ":" + delivery.get(), now.plus(hook.replayWindow()))) {
            LOG.infof("Refused a replayed %s webhook (delivery %s)", provider, delivery.get());
            return HttpAnswer.json(409, HookAnswer.of("duplicate", "this delivery was already received"));
        }
        Parsed parsed;
        try {
            parsed = hook.parse(request, document);
        } catch (MalformedHookException e) {
            return HttpAnswer.error(400, e.getMessage());
        }
        switch (parsed.kind()) {
            case PING:
                return HttpAnswer.json(200, HookAnswer.of("pong", null));
            case IGNORED:
                return ignored(provider, parsed.reason());
            default:
                return accept(provider, parsed.notice(), now);
        }
    }

    private HttpAnswer accept(String provider, DeployNotice notice, Instant now) {
        ServiceDirectory.Result mapped = directory.resolve(notice);
        if (mapped.target() == null) {
            return ignored(provider, mapped.reason());
        }
        ServiceDirectory.Target t = mapped.target();
        PendingDeploy deploy = new PendingDeploy(t.service(), t.environment(), notice.version(), notice.commit(), provider, now, 1);
        boolean started;
        try {
            started = dispatcher.submit(deploy);
        } catch (RuntimeException e) {
            LOG.errorf("Could not start the verification of %s: %s", deploy.key(), e.getMessage());
            return HttpAnswer.error(503, "could not start the verification; send the webhook again");
        }
        LOG.infof("Accepted a %s deploy of %s to %s (%s)", provider, t.service(), t.environment(),
                started ? "verification starts after the debounce window" : "joined a verification already waiting");
        return HttpAnswer.json(202, new HookAnswer("accepted", started ? null : "joined a verification already waiting",
                t.service(), t.environment(), notice.version(), notice.commit()));
    }

    private static HttpAnswer ignored(String provider, String reason) {
        LOG.infof("Ignored a %s webhook: %s", provider, reason);
        return HttpAnswer.json(202, HookAnswer.of("ignored", reason));
    }
}
