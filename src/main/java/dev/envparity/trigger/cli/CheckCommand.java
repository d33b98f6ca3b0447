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
import dev.envparity.state.StateHealth;

/** {@code check [--json] [--markdown FILE]}: one run, the report on stdout, the verdict as exit code (3 when the state cannot be kept). */
@ApplicationScoped
public class CheckCommand {
    /** Neither drift (1) nor configuration (2): the check ran, but what it posts could not be remembered. */
    static final int EXIT_STATE = 3;

    private final ParityService parity;
    private final ObjectMapper json;
    private final StateHealth stateHealth;

    @Inject
    public CheckCommand(ParityService parity, ObjectMapper json, StateHealth stateHealth) {
        this.parity = parity;
        this.json = json;
        this.stateHealth = stateHealth;
    }

    /** @param markdownFile where to write the Markdown summary too, or null */
    int run(boolean asJson, String markdownFile) {
        MarkdownSummary markdown = markdownFile == null ? null : new MarkdownSummary(markdownFile);
        // Before anything is probed or posted: a summary that cannot be written is a usage error, not a lost run.
        if (markdown != null && !markdown.prepare()) {
            return EnvParityMain.EXIT_CONFIG;
        }
        ParityReport report = parity.run(Trigger.CLI);
        System.out.print(asJson ? toJson(report) : TextRenderer.render(report));
        System.out.flush();
        if (markdown != null && !markdown.write(report)) {
            return EnvParityMain.EXIT_CONFIG;
        }
        if (!stateHealth.problems().isEmpty()) {
            stateHealth.problems().forEach(p -> System.err.println("envparity: " + p.reason() + "; nothing was posted to '"
                    + p.target() + "' (see parity.notify.state)"));
            return EXIT_STATE;
        }
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
