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
    static final String USAGE = "Usage: envparity check [--json] [--markdown FILE]\n"
            + "  Probes every service in every environment, prints the report (--json: the JSON report;\n"
            + "  --markdown: also writes it to FILE as a Markdown summary, e.g. $GITHUB_STEP_SUMMARY) and exits\n"
            + "  0 below parity.fail-on, 1 at or above it, 2 on invalid configuration or usage,\n"
            + "  3 when the notification state cannot be written (nothing is posted then).";
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

    int run(String... args) {
        boolean asJson = false;
        MarkdownSummary markdown = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json")) {
                asJson = true;
            } else if (a.equals("--markdown")) {
                if (i + 1 == args.length) {
                    System.err.println("Option '--markdown' needs a file.\n" + USAGE);
                    return EnvParityMain.EXIT_CONFIG;
                }
                markdown = new MarkdownSummary(args[++i]);
            } else if (a.equals("--help") || a.equals("-h")) {
                System.out.println(USAGE);
                return 0;
            } else {
                System.err.println("Unknown option '" + a + "'.\n" + USAGE);
                return EnvParityMain.EXIT_CONFIG;
            }
        }
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
