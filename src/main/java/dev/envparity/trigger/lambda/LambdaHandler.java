package dev.envparity.trigger.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.ParityService;
import dev.envparity.report.Trigger;
import dev.envparity.deploy.PendingDeploys;
import dev.envparity.web.ApiError;
import dev.envparity.web.HttpAnswer;
import dev.envparity.web.HttpRequest;
import dev.envparity.web.Routes;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The one Lambda entry point (the only handler, so Quarkus uses it without quarkus.lambda.handler); tells events
 * apart by their shape (https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html for Function URL requests,
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-templated.html for EventBridge Scheduler,
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html for scheduled rules):
 * <ul>
 * <li>Function URL / HTTP API payload 2.0 ({@code version} "2.0" with {@code requestContext.http}): the server's
 * routes, through {@link Routes#dispatch}; base64 bodies are decoded before any signature check;</li>
 * <li>EventBridge scheduled rule ({@code source} aws.events, "Scheduled Event") or the EventBridge Scheduler input
 * {@code {"kind": "scheduled-parity-run"}}: a check, with notifications;</li>
 * <li>{@code {"action": "check"}}: a check, answered with the report;</li>
 * <li>{@code {"action": "verify-deploy"}}: the asynchronous half of a deploy webhook ({@link LambdaSelfInvoker});</li>
 * <li>anything else: a clear error, logged, and no check.</li>
 * </ul>
 */
@Named("envparity")
public class LambdaHandler implements RequestStreamHandler {
    private static final Logger LOG = Logger.getLogger(LambdaHandler.class);
    static final String SCHEDULER_KIND = "scheduled-parity-run";

    private final ParityService parity;
    private final Routes routes;
    private final PendingDeploys deploys;
    private final ObjectMapper json;

    @Inject
    public LambdaHandler(ParityService parity, Routes routes, PendingDeploys deploys, ObjectMapper json) {
        this.parity = parity;
        this.routes = routes;
        this.deploys = deploys;
        this.json = json;
    }

    /** The HTTP API 2.0 response shape Function URLs expect. */
    @RegisterForReflection
    public record HttpResponse(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded,
            List<String> cookies) {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = json.readTree(input);
        json.writeValue(output, answer(event == null ? json.createObjectNode() : event));
    }

    private Object answer(JsonNode event) throws IOException {
        if (event.path("version").asText().equals("2.0") && event.path("requestContext").has("http")) {
            return http(event);
        }
        if (isScheduled(event)) {
            return parity.run(Trigger.SCHEDULE);
        }
        String action = event.path("action").asText();
        if (action.equals("check")) {
            return parity.run(Trigger.API);
        }
        if (action.equals(LambdaSelfInvoker.ACTION)) {
            LambdaSelfInvoker.VerifyEvent verify = json.treeToValue(event, LambdaSelfInvoker.VerifyEvent.class);
            waitFor(verify.delayMs());
            return deploys.run(verify.key(), verify.deploy()).join().<Object>map(r -> r)
                    .orElse(new ApiError("nothing waits for " + verify.key()));
        }
        LOG.warnf("Ignored an event of unknown shape (top-level fields: %s)", fieldNames(event));
        return new ApiError("unsupported event: expected a Function URL request, an EventBridge schedule, "
                + "{\"action\":\"check\"} or {\"action\":\"verify-deploy\"}");
    }

    private static boolean isScheduled(JsonNode e) {
        String source = e.path("source").asText();
        boolean rule = (source.equals("aws.events") || source.equals("aws.scheduler"))
                && e.path("detail-type").asText().equals("Scheduled Event");
        return rule || e.path("kind").asText().equals(SCHEDULER_KIND);
    }

    private HttpResponse http(JsonNode event) {
        JsonNode http = event.path("requestContext").path("http");
        Map<String, String> headers = new HashMap<>();
        event.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText()));
        // Payload 2.0 moves Cookie headers into a list of their own.
        List<String> cookies = new ArrayList<>();
        event.path("cookies").forEach(c -> cookies.add(c.asText()));
        if (!cookies.isEmpty()) {
            headers.put("cookie", String.join("; ", cookies));
        }
        Map<String, String> query = new HashMap<>();
        event.path("queryStringParameters").fields().forEachRemaining(q -> query.put(q.getKey(), q.getValue().asText()));
        String method = http.path("method").asText("GET");
        String path = event.path("rawPath").asText(http.path("path").asText("/"));
        // The address Lambda saw the request come from; X-Forwarded-For is whatever the client wrote.
        String client = http.path("sourceIp").asText("unknown");
        String raw = event.path("body").asText("");
        byte[] body;
        try {
            // Signatures cover the bytes the sender sent: decode first.
            body = event.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return response(routes.refused(HttpAnswer.error(400, "the request body is not valid base64")));
        }
        return response(routes.dispatch(new HttpRequest(method, path, headers, query, body, client, true)));
    }

    /** The HTTP API 2.0 response: header names in lower case, Set-Cookie in {@code cookies}. */
    private HttpResponse response(HttpAnswer answer) {
        Map<String, String> headers = new HashMap<>();
        answer.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        headers.put("content-type", answer.contentType());
        String setCookie = headers.remove("set-cookie");
        return new HttpResponse(answer.status(), headers, answer.text(json), false, setCookie == null ? List.of() : List.of(setCookie));
    }

    private static void waitFor(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String fieldNames(JsonNode event) {
        if (!event.isObject()) {
            return "not a JSON object";
        }
        StringBuilder sb = new StringBuilder();
        event.fieldNames().forEachRemaining(n -> sb.append(sb.length() == 0 ? "" : ", ").append(n));
        return sb.toString();
    }
}
