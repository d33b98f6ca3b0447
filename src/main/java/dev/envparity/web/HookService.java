package dev.envparity.web;

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

import dev.envparity.deploy.DeployDispatcher;
import dev.envparity.state.DeliveryLog;
import dev.envparity.state.PendingDeploy;
import dev.envparity.web.HttpAnswer;
import io.quarkus.arc.All;
import dev.envparity.hooks.DeployHook;
import dev.envparity.hooks.DeployNotice;
import dev.envparity.hooks.HookRequest;
import dev.envparity.hooks.MalformedHookException;
import dev.envparity.hooks.Parsed;
import dev.envparity.hooks.ServiceDirectory;

/**
 * Receives deploy webhooks, in the order the README promises, each step decided before the next looks at
 * anything: size (413), signature or token (401), body (400), replay (409), relevance (202 "ignored" with the
 * reason), and only then a verification (202 "accepted"). Nothing before "accepted" probes a service or posts to
 * chat. A delivery id is claimed only once the body is known to be valid, and given back when the verification
 * cannot be started (503 "send again"), so neither a corrected resend nor the sender's redelivery is refused as a
 * replay.
 */
@ApplicationScoped
public class HookService {
    /** GitHub caps payloads at 25 MB; deploy events are a few KB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(HookService.class);
    private static final String SEND_AGAIN = "could not start the verification; send the webhook again";

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
        JsonNode document = object(body);
        if (document == null) {
            return HttpAnswer.error(400, "the body is not a JSON object");
        }
        Parsed parsed;
        try {
            parsed = hook.parse(request, document);
        } catch (MalformedHookException e) {
            return HttpAnswer.error(400, e.getMessage());
        }
        Optional<String> delivery = hook.deliveryId(request, document);
        Optional<DeliveryLog.Claim> claim = Optional.empty();
        if (delivery.isPresent()) {
            try {
                claim = deliveries.claim(provider + ":" + delivery.get(), now.plus(hook.replayWindow()));
            } catch (RuntimeException e) {
                LOG.errorf("Could not record the %s delivery %s: %s", provider, delivery.get(), e.getMessage());
                return HttpAnswer.error(503, SEND_AGAIN);
            }
            if (claim.isEmpty()) {
                LOG.infof("Refused a replayed %s webhook (delivery %s)", provider, delivery.get());
                return HttpAnswer.json(409, HookAnswer.of("duplicate", "this delivery was already received"));
            }
        }
        try {
            return act(provider, parsed, now);
        } catch (RuntimeException launchFailed) {
            LOG.errorf("Could not start the verification of a %s deploy: %s", provider, launchFailed.getMessage());
            claim.ifPresent(this::release);
            return HttpAnswer.error(503, SEND_AGAIN);
        }
    }

    private JsonNode object(byte[] body) {
        try {
            JsonNode document = json.readTree(body);
            return document != null && document.isObject() ? document : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** @throws RuntimeException when the verification cannot be started */
    private HttpAnswer act(String provider, Parsed parsed, Instant now) {
        if (parsed instanceof Parsed.Deploy deploy) {
            return accept(provider, deploy.notice(), now);
        }
        if (parsed instanceof Parsed.Ignored ignored) {
            return ignored(provider, ignored.reason());
        }
        return HttpAnswer.json(200, HookAnswer.of("pong", null));
    }

    private HttpAnswer accept(String provider, DeployNotice notice, Instant now) {
        ServiceDirectory.Result mapped = directory.resolve(notice);
        if (mapped instanceof ServiceDirectory.Unknown unknown) {
            return ignored(provider, unknown.reason());
        }
        ServiceDirectory.Target t = (ServiceDirectory.Target) mapped;
        PendingDeploy deploy = new PendingDeploy(t.service(), t.environment(), notice.version(), notice.commit(), provider, now, 1);
        boolean started = dispatcher.submit(deploy);
        LOG.infof("Accepted a %s deploy of %s to %s (%s)", provider, t.service(), t.environment(),
                started ? "verification starts after the debounce window" : "joined a verification already waiting");
        return HttpAnswer.json(202, new HookAnswer("accepted", started ? null : "joined a verification already waiting",
                t.service(), t.environment(), notice.version(), notice.commit()));
    }

    private void release(DeliveryLog.Claim claim) {
        try {
            deliveries.release(claim);
        } catch (RuntimeException e) {
            LOG.errorf("Could not release the delivery %s after a failed launch; its redelivery will be refused until it "
                    + "expires: %s", claim.id(), e.getMessage());
        }
    }

    private static HttpAnswer ignored(String provider, String reason) {
        LOG.infof("Ignored a %s webhook: %s", provider, reason);
        return HttpAnswer.json(202, HookAnswer.of("ignored", reason));
    }
}
