package dev.envparity.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The report as a terminal table: one row per service, one column per environment, then the findings. Every cell
 * is {@link UntrustedText#printable}: a version, a check name or an error body cannot move the cursor, clear the
 * screen, reorder the line or start a line of its own ("All services are in sync.").
 */
public final class TextRenderer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_CELL = 28;
    /** The newest commits listed under a service; the JSON report has up to {@link Pending#MAX_COMMITS}. */
    private static final int LISTED = 5;

    private TextRenderer() {
    }

    public static String render(ParityReport report) {
        StringBuilder out = new StringBuilder();
        int services = report.services().size();
        out.append("envparity: ").append(Verdict.plural(services, "service", "services")).append(", ")
                .append(String.join(" → ", report.environments())).append(" · ")
                .append(report.severity().id().toUpperCase(Locale.ROOT)).append(" · ").append(report.trigger().id())
                .append(" · ").append(TIME.format(report.startedAt())).append(" · ").append(report.durationMs())
                .append(" ms\n\n");

        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("SERVICE", "STATUS"));
        report.environments().forEach(e -> header.add(e.toUpperCase(Locale.ROOT)));
        boolean compared = report.services().stream().anyMatch(s -> s.pending() != null);
        if (compared) {
            header.add("WAITING");
        }
        rows.add(header);
        for (ServiceReport s : report.services()) {
            List<String> row = new ArrayList<>(List.of(s.name(), s.status().name()));
            for (String env : report.environments()) {
                row.add(cell(s.environments().get(env)));
            }
            if (compared) {
                row.add(waiting(s.pending()));
            }
            rows.add(row);
        }
        table(out, rows);

        List<ServiceReport> byUrgency = new ArrayList<>(report.services());
        byUrgency.sort(Comparator.comparing(ServiceReport::severity, Comparator.reverseOrder())
                .thenComparing(ServiceReport::name));
        List<List<String>> findings = new ArrayList<>();
        findings.add(List.of("SEVERITY", "SERVICE", "SINCE", "FINDING"));
        for (ServiceReport s : byUrgency) {
            for (Finding f : s.findings()) {
                findings.add(List.of(f.severity().id().toUpperCase(Locale.ROOT), s.name(), Since.brief(f, report.startedAt()),
                        f.message()));
            }
        }
        if (findings.size() == 1) {
            out.append(services == 1 ? "\nThe service is in sync.\n" : "\nAll services are in sync.\n");
        } else {
            out.append("\nFindings\n");
            table(out, findings);
        }
        List<List<String>> waiting = new ArrayList<>();
        for (ServiceReport s : byUrgency) {
            waiting.addAll(waitingRows(s));
        }
        if (!waiting.isEmpty()) {
            out.append("\nWaiting to ship, and whose it is\n");
            table(out, waiting);
        }
        if (report.historyError() != null) {
            out.append("\nHistory not kept: ").append(UntrustedText.printable(report.historyError()))
                    .append("; since when is unknown\n");
        }
        if (!report.notifications().isEmpty()) {
            out.append("\nNotifications\n");
            table(out, report.notifications().stream()
                    .map(n -> List.of(n.target(), n.type(), n.outcome().id(), n.detail() == null ? "" : n.detail())).toList());
        }
        return out.toString();
    }

    private static String cell(EnvironmentReport e) {
        if (e == null) {
            return "-";
        }
        String version = e.version() == null ? "-" : UntrustedText.printable(e.version());
        if (version.length() > MAX_CELL - 10) {
            version = version.substring(0, MAX_CELL - 11) + "…";
        }
        return version + " " + (e.reachable() ? e.health().name() : "UNREACHABLE");
    }

    /** "12 commits", "12 commits, diverged", "behind by 2", "unknown" (the reason is in the JSON report), or "-". */
    private static String waiting(Pending p) {
        if (p == null) {
            return "-";
        }
        if (!p.answered()) {
            return "unknown";
        }
        return switch (p.status()) {
            case AHEAD -> Pending.commits(p.aheadBy());
            case DIVERGED -> Pending.commits(p.aheadBy()) + ", diverged";
            case BEHIND -> "behind by " + p.behindBy();
            case IDENTICAL -> "-";
        };
    }

    /**
     * "checkout  12 commits waiting in staging  <compare URL>", the newest commits under it, then owner, runbook and
     * rollback; or why the code host could not tell. Nothing when there is nothing to say.
     */
    private static List<List<String>> waitingRows(ServiceReport s) {
        List<List<String>> rows = new ArrayList<>();
        Pending p = s.pending();
        String summary = p == null ? null : p.summary();
        if (summary != null) {
            rows.add(row(s.name(), summary, p.answered() ? p.compareUrl() : null));
            if (p.answered()) {
                p.commits().stream().limit(LISTED).forEach(c -> rows.add(row("", "  " + c.line(), null)));
                int more = p.aheadBy() - Math.min(LISTED, p.commits().size());
                if (more > 0 && !p.commits().isEmpty()) {
                    rows.add(row("", "  … and " + more + " more", null));
                }
            }
        }
        Ownership o = s.ownership();
        if (s.promote() != null) {
            rows.add(row(rows.isEmpty() ? s.name() : "", "Promote", s.promote().url()));
        }
        if (o.owner() != null) {
            rows.add(row(rows.isEmpty() ? s.name() : "", "Owner: " + o.owner().name(), null));
        }
        if (o.runbook() != null) {
            rows.add(row(rows.isEmpty() ? s.name() : "", "Runbook", o.runbook()));
        }
        if (o.rollback() != null) {
            rows.add(row(rows.isEmpty() ? s.name() : "", "Rollback: " + o.rollback(), null));
        }
        return rows;
    }

    /** A row of service, text and link, without a trailing empty cell (no trailing spaces). */
    private static List<String> row(String service, String text, String url) {
        return url == null ? List.of(service, text) : List.of(service, text, url);
    }

    private static void table(StringBuilder out, List<List<String>> cells) {
        List<List<String>> rows = cells.stream().map(r -> r.stream().map(UntrustedText::printable).toList()).toList();
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[columns];
        for (List<String> row : rows) {
            // The last column is free text: it does not set a width.
            for (int i = 0; i < row.size() - 1; i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            out.append("  ");
            for (int i = 0; i < row.size(); i++) {
                String v = row.get(i);
                out.append(v);
                if (i < row.size() - 1) {
                    out.append(" ".repeat(width[i] - v.length() + 2));
                }
            }
            out.append('\n');
        }
    }
}
