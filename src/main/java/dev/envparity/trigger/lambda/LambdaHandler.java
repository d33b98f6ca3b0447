package dev.envparity.trigger.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.ParityService;
import dev.envparity.report.Trigger;
import dev.envparity.trigger.http.ApiError;

/**
 * The one Lambda entry point ({@code quarkus.lambda.handler=envparity}); tells events apart by their shape.
 */
@Named("envparity")
public class LambdaHandler implements RequestStreamHandler {
    private static final Logger LOG = Logger.getLogger(LambdaHandler.class);

    private final ParityService parity;
    private final ObjectMapper json;

    @Inject
    public LambdaHandler(ParityService parity, ObjectMapper json) {
        this.parity = parity;
        this.json = json;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = json.readTree(input);
        Object answer;
        if (event != null && isSchedule(event)) {
            answer = parity.run(Trigger.SCHEDULE);
        } else if (event != null && "check".equals(event.path("action").asText())) {
            answer = parity.run(Trigger.API);
        } else {
            LOG.warnf("Ignored an event of unknown shape (top-level fields: %s)", fieldNames(event));
            answer = new ApiError("unsupported event: expected an EventBridge schedule or {\"action\":\"check\"}");
        }
        json.writeValue(output, answer);
    }

    private static boolean isSchedule(JsonNode e) {
        String source = e.path("source").asText();
        return (source.equals("aws.events") || source.equals("aws.scheduler"))
                && e.path("detail-type").asText().equals("Scheduled Event");
    }

    private static String fieldNames(JsonNode event) {
        if (event == null || !event.isObject()) {
            return "not a JSON object";
        }
        StringBuilder sb = new StringBuilder();
        event.fieldNames().forEachRemaining(n -> sb.append(sb.length() == 0 ? "" : ", ").append(n));
        return sb.toString();
    }
}
