package dev.envparity.trigger.cli;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.envparity.ParityService;
import dev.envparity.report.ParityReport;
import dev.envparity.report.TextRenderer;
import dev.envparity.report.Trigger;

/** {@code check [--json]}: one run, the report on stdout, the verdict as exit code. */
@ApplicationScoped
public class CheckCommand {

    private final ParityService parity;
    private final ObjectMapper json;

    @Inject
    public CheckCommand(ParityService parity, ObjectMapper json) {
        this.parity = parity;
        this.json = json;
    }

    int run(boolean asJson) {
        ParityReport report = parity.run(Trigger.CLI);
        System.out.print(asJson ? toJson(report) : TextRenderer.render(report));
        System.out.flush();
        return parity.plan().failOn().map(threshold -> report.severity().atLeast(threshold) ? 1 : 0).orElse(0);
    }

    private String toJson(ParityReport report) {
        try {
            return json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report could not be written as JSON", e);
        }
    }
}
