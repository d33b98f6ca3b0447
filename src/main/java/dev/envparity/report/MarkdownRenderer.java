package dev.envparity.report;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report as a GitHub Flavored Markdown summary (a CI job summary, a merge-request note): the verdict, one
 * table row per service with its status and each environment's version and health, the findings, what waits to
 * ship and whose it is, and what each chat target got. Most severe first, so that a summary cut at {@code maxBytes} keeps what matters.
 * Everything a service reports goes through {@link MarkdownCells#cell}.
 */
public final class MarkdownRenderer {
    /**
     * GitHub refuses a step summary over 1 MiB ("supports content up to a size of 1024k"; see
     * https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary):
     * stay clearly below it.
     */
    public static final int GITHUB_SUMMARY_BYTES = 1_000_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int VERSION_CHARS = 40;
    private static final int MESSAGE_CHARS = 300;
    /** The newest commits a row lists; the JSON report has up to {@link Pending#MAX_COMMITS}. */
    private static final int LISTED = 5;
    private static final Comparator<ServiceReport> MOST_SEVERE_FIRST = Comparator
            .comparing(ServiceReport::severity, Comparator.reverseOrder())
            .thenComparing(ServiceReport::status).thenComparing(ServiceReport::name);

    private MarkdownRenderer() {
    }

    public static String render(ParityReport report) {
        return render(report, GITHUB_SUMMARY_BYTES);
    }

    /** @param maxBytes the UTF-8 size the summary never exceeds; rows that do not fit are counted, not shown */
    public static String render(ParityReport report, int maxBytes) {
        List<ServiceReport> services = new ArrayList<>(report.services());
        services.sort(MOST_SEVERE_FIRST);
        List<Status> problems = services.stream().filter(s -> s.severity() != Severity.OK).map(ServiceReport::status).toList();

        Budget out = new Budget(maxBytes);
        out.always("### " + emoji(report.severity()) + " envparity: "
                + MarkdownCells.cell(Verdict.of(problems, services.size(), report.environments()), MESSAGE_CHARS) + "\n\n");
        out.always("**" + report.severity().id().toUpperCase(Locale.ROOT) + "** · " + report.trigger().id() + " · "
                + TIME.format(report.startedAt()) + " · " + report.durationMs() + " ms · run " + shortId(report.id()) + "\n");

        out.section("\n| service | status | " + String.join(" | ", report.environments().stream()
                .map(e -> MarkdownCells.cell(e, VERSION_CHARS)).toList()) + " |\n"
                + "| --- | --- |" + " --- |".repeat(report.environments().size()) + "\n");
        for (ServiceReport s : services) {
            StringBuilder row = new StringBuilder("| ").append(MarkdownCells.cell(s.name(), VERSION_CHARS)).append(" | ")
                    .append(emoji(s.severity())).append(' ').append(s.status().name()).append(" |");
            for (String env : report.environments()) {
                row.append(' ').append(environment(s.environments().get(env))).append(" |");
            }
            out.row(row.append('\n').toString(), "services");
        }

        List<String> findings = new ArrayList<>();
        for (ServiceReport s : services) {
            for (Finding f : s.findings()) {
                findings.add("| " + f.severity().id().toUpperCase(Locale.ROOT) + " | " + MarkdownCells.cell(s.name(), VERSION_CHARS)
                        + " | " + MarkdownCells.cell(f.message(), MESSAGE_CHARS) + " |\n");
            }
        }
        if (findings.isEmpty()) {
            out.section("\nAll services are in sync.\n");
        } else {
            out.section("\n#### Findings\n\n| severity | service | finding |\n| --- | --- | --- |\n");
            findings.forEach(f -> out.row(f, "findings"));
        }

        List<String> waiting = services.stream().map(MarkdownRenderer::waiting).filter(w -> w != null).toList();
        if (!waiting.isEmpty()) {
            out.section("\n#### Waiting to ship, and whose it is\n\n| service | waiting | newest commits | links | owner |\n"
                    + "| --- | --- | --- | --- | --- |\n");
            waiting.forEach(w -> out.row(w, "services waiting"));
        }

        if (!report.notifications().isEmpty()) {
            out.section("\n#### Notifications\n\n| target | type | outcome | detail |\n| --- | --- | --- | --- |\n");
            for (NotificationResult n : report.notifications()) {
                out.row("| " + MarkdownCells.cell(n.target(), VERSION_CHARS) + " | " + MarkdownCells.cell(n.type(), VERSION_CHARS)
                        + " | " + n.outcome().id() + " | " + MarkdownCells.cell(n.detail(), MESSAGE_CHARS) + " |\n", "notifications");
            }
        }
        return out.finish();
    }

    /**
     * What the code host says waits (or why it could not tell), the newest commits, the links and the owner: one row,
     * or null when there is nothing to say. Links are envparity's own labels around {@link Link}-checked URLs.
     */
    private static String waiting(ServiceReport s) {
        Pending p = s.pending();
        Ownership o = s.ownership();
        String summary = p == null ? null : p.summary();
        boolean owned = o.owner() != null || o.runbook() != null || o.rollback() != null;
        if (summary == null && s.promote() == null && !owned) {
            return null;
        }
        List<String> commits = new ArrayList<>();
        if (p != null && p.answered()) {
            p.commits().stream().limit(LISTED).forEach(c -> commits.add(MarkdownCells.cell(c.line(), MESSAGE_CHARS)));
            int more = p.aheadBy() - commits.size();
            if (more > 0 && !commits.isEmpty()) {
                commits.add("… and " + more + " more");
            }
        }
        List<String> links = new ArrayList<>();
        if (p != null && p.answered()) {
            link("View differences", p.compareUrl()).ifPresent(links::add);
        }
        if (s.promote() != null) {
            link("Promote", s.promote().url()).ifPresent(links::add);
        }
        List<String> owner = new ArrayList<>();
        if (o.owner() != null) {
            owner.add(MarkdownCells.cell(o.owner().name(), VERSION_CHARS));
        }
        link("Runbook", o.runbook()).ifPresent(owner::add);
        if (o.rollback() != null) {
            owner.add(link("Rollback", o.rollback()).orElse("Rollback: " + MarkdownCells.cell(o.rollback(), MESSAGE_CHARS)));
        }
        String what = summary == null ? "—" : (p.answered() ? "" : "⚠️ ") + MarkdownCells.cell(summary, MESSAGE_CHARS);
        return "| " + MarkdownCells.cell(s.name(), VERSION_CHARS) + " | " + what + " | "
                + (commits.isEmpty() ? "—" : String.join("<br>", commits)) + " | "
                + (links.isEmpty() ? "—" : String.join(" · ", links)) + " | "
                + (owner.isEmpty() ? "—" : String.join(" · ", owner)) + " |\n";
    }

    /** {@code [label](url)}: {@link Link} percent-encodes whatever could end the destination or the table cell. */
    private static Optional<String> link(String label, String url) {
        return Link.of(label, url).map(l -> "[" + l.label() + "](" + l.url() + ")");
    }

    /** "2.4.0 · UP", "5.2.0 · **DOWN**", "**unreachable**". */
    private static String environment(EnvironmentReport e) {
        if (e == null) {
            return "—";
        }
        if (!e.reachable()) {
            return "**unreachable**";
        }
        String version = e.version() == null ? "—" : MarkdownCells.cell(e.version(), VERSION_CHARS);
        String health = e.health() == Health.UP ? "UP" : "**" + e.health().name() + "**";
        return version + " · " + health;
    }

    private static String emoji(Severity s) {
        switch (s) {
            case CRITICAL: return "🔴";
            case WARNING: return "🟠";
            case INFO: return "🔵";
            default: return "✅";
        }
    }

    private static String shortId(String id) {
        return id == null ? "—" : MarkdownCells.cell(id.length() > 8 ? id.substring(0, 8) : id, 8);
    }

    /** Keeps the document under its byte limit: headings always, then rows while they fit, then what was left out. */
    private static final class Budget {
        private final StringBuilder out = new StringBuilder();
        private final int max;
        private int bytes;
        private final List<String> leftOut = new ArrayList<>();
        private int omitted;
        private String omittedKind;
        private boolean open = true;

        Budget(int max) {
            this.max = max;
        }

        void always(String text) {
            append(text);
        }

        void section(String text) {
            flushOmitted();
            open = fits(text);
            if (open) {
                append(text);
            }
        }

        void row(String text, String kind) {
            if (open && omitted == 0 && fits(text)) {
                append(text);
            } else {
                omitted++;
                omittedKind = kind;
            }
        }

        String finish() {
            flushOmitted();
            if (!leftOut.isEmpty()) {
                out.append("\n_Not shown, to stay within the summary's size limit: ").append(String.join(", ", leftOut))
                        .append(". The JSON report has everything._\n");
            }
            return out.toString();
        }

        private void flushOmitted() {
            if (omitted > 0) {
                leftOut.add(omitted + " " + omittedKind);
                omitted = 0;
            }
        }

        /** Room is kept for the closing note, so that the note itself never breaks the limit. */
        private boolean fits(String text) {
            return bytes + utf8(text) + 200 <= max;
        }

        private void append(String text) {
            out.append(text);
            bytes += utf8(text);
        }

        private static int utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
