package dev.envparity.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateData;

/**
 * The dashboard, computed: one row per service, one cell per environment in promotion order, everything a
 * template needs as plain text and CSS classes. Text is escaped by the template engine, never here.
 *
 * @param show the active filter (all, problems, drift, mismatch, unhealthy, unreachable, in-sync)
 * @param sort severity or name
 * @param refreshSeconds when the page reloads itself: just after the next scheduled check
 * @param stale why the report is older than it should be, or null (two scheduled checks missed)
 * @param markdown the shown rows as a Markdown table, to paste into an incident
 */
@TemplateData
public record DashboardView(String verdict, String severity, String checkedAt, String checkedAgo, String trigger,
        long durationMs, List<String> environments, List<Row> rows, List<Filter> filters, String show, String sort,
        int total, boolean empty, String historyError, int refreshSeconds, String stale, String markdown) {

    /**
     * How fresh the report should be.
     *
     * @param nextCheck the first scheduled check after a given instant; empty without a schedule
     */
    public record Schedule(Function<Instant, Optional<Instant>> nextCheck) {
        public static final Schedule NONE = new Schedule(after -> Optional.empty());
    }

    /** Without a schedule the page still reloads, this often. */
    private static final int UNSCHEDULED_REFRESH_SECONDS = 300;
    /** Reload a little after the check is due, so that it has finished. */
    private static final int REFRESH_MARGIN_SECONDS = 20;

    /** A filter link with its count. */
    @TemplateData
    public record Filter(String id, String label, long count, boolean active) {
    }

    /**
     * @param page the service's own page (its timeline), relative to the dashboard
     * @param waiting the commits waiting to be promoted, from the code host; null without a comparison
     * @param owning owner, runbook and rollback; null when configuration names none
     */
    @TemplateData
    public record Row(String service, String status, String statusLabel, String severity, List<Cell> cells, List<String> findings,
            String page, Waiting waiting, Owning owning) {
    }

    /**
     * @param label "12 waiting", "2 not in staging", "pending unknown"
     * @param summary the sentence: "12 commits waiting in staging"
     * @param compareUrl the code host's page, or null
     * @param promoteUrl the service's promote link, or null
     */
    @TemplateData
    public record Waiting(String label, String summary, List<Commit> commits, int more, String compareUrl, String promoteUrl) {
    }

    /** @param pullRequest "#481", or null */
    @TemplateData
    public record Commit(String sha, String title, String author, String url, String pullRequest) {
    }

    /**
     * @param runbook a URL, or null; the status badge links to it
     * @param rollbackUrl the rollback note when it is a URL, or null
     * @param rollbackNote the rollback note when it is not a URL, or null
     */
    @TemplateData
    public record Owning(String owner, String runbook, String rollbackUrl, String rollbackNote) {
    }

    /**
     * @param css severity class of the worst finding about this environment ("ok", "info", "warning", "critical")
     * @param versionUrl the probed version endpoint (base URLs never carry credentials: configuration refuses them)
     * @param seen "first seen 1d 2h ago": when the history first saw this version here, or ""
     * @param runtime what it runs on ("Java 17.0.9 (Eclipse Adoptium) · Quarkus 3.33.2"), or "" when not published
     * @param tls "TLSv1.3 · certificate until 2027-01-05 (Let's Encrypt)", or "" over http
     * @param headers "lacks Content-Security-Policy · Server: nginx/1.25.3": the security header checklist's gaps, or ""
     * @param schema "flyway: V42 add tax column · 1 pending", "flyway: unreadable", or "" for a service without schema
     */
    @TemplateData
    public record Cell(String environment, String version, String versionTitle, String commit, String health, String built,
            String css, String versionUrl, String healthUrl, String error, String seen, String runtime, String tls,
            String headers, String schema) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final int MAX_VERSION = 28;
    private static final List<String> FILTERS = List.of("all", "problems", "drift", "mismatch", "unhealthy", "unreachable",
            "in-sync");
    /** Version drift; a MISMATCH (same version, different checks or fields) has a filter of its own. */
    private static final Set<Status> DRIFT = Set.of(Status.PROMOTION_PENDING, Status.PROMOTION_OVERDUE,
            Status.DOWNSTREAM_AHEAD, Status.DIVERGED);

    public static DashboardView of(ParityReport report, Instant now, String show, String sort) {
        return of(report, now, show, sort, Schedule.NONE);
    }

    public static DashboardView of(ParityReport report, Instant now, String show, String sort, Schedule schedule) {
        String filter = show != null && FILTERS.contains(show) ? show : "all";
        String order = "name".equals(sort) ? "name" : "severity";
        List<ServiceReport> services = new ArrayList<>(report.services());
        services.sort(order.equals("name") ? Comparator.comparing(ServiceReport::name)
                : Comparator.comparing(ServiceReport::severity, Comparator.reverseOrder()).thenComparing(ServiceReport::status)
                        .thenComparing(ServiceReport::name));
        List<Row> rows = services.stream().filter(matcher(filter)).map(s -> row(s, report, now)).toList();
        List<Filter> filters = new ArrayList<>();
        for (String id : FILTERS) {
            long count = report.services().stream().filter(matcher(id)).count();
            filters.add(new Filter(id, label(id), count, id.equals(filter)));
        }
        List<Status> problems = report.services().stream().filter(s -> s.severity() != Severity.OK).map(ServiceReport::status).toList();
        List<ServiceReport> shown = services.stream().filter(matcher(filter)).toList();
        return new DashboardView(Verdict.of(problems, report.services().size(), report.environments()), report.severity().id(),
                TIME.format(report.startedAt()), ago(Duration.between(report.startedAt(), now)), report.trigger().id(),
                report.durationMs(), report.environments(), rows, filters, filter, order, report.services().size(), rows.isEmpty(),
                report.historyError(), refreshSeconds(schedule, now), stale(schedule, report.startedAt(), now),
                MarkdownRenderer.render(report.withView(report.environments(), shown)));
    }

    private static int refreshSeconds(Schedule schedule, Instant now) {
        return schedule.nextCheck().apply(now)
                .map(next -> (int) Math.min(3600, Math.max(30, Duration.between(now, next).toSeconds() + REFRESH_MARGIN_SECONDS)))
                .orElse(UNSCHEDULED_REFRESH_SECONDS);
    }

    /**
     * Stale once two scheduled checks after this report's should have run, and had time to finish (a minute, or half
     * the time between them when they are closer).
     */
    private static String stale(Schedule schedule, Instant checkedAt, Instant now) {
        Optional<Instant> first = schedule.nextCheck().apply(checkedAt);
        Optional<Instant> second = first.flatMap(schedule.nextCheck());
        if (second.isEmpty()) {
            return null;
        }
        Duration grace = Duration.ofSeconds(60).compareTo(Duration.between(first.get(), second.get()).dividedBy(2)) < 0
                ? Duration.ofSeconds(60) : Duration.between(first.get(), second.get()).dividedBy(2);
        if (!now.isAfter(second.get().plus(grace))) {
            return null;
        }
        return "This report is " + Durations.human(Duration.between(checkedAt, now))
                + " old: the scheduled checks since did not run or did not finish. Look at the checker's logs.";
    }

    private static Predicate<ServiceReport> matcher(String filter) {
        return switch (filter) {
            case "problems" -> s -> s.severity() != Severity.OK;
            case "drift" -> s -> DRIFT.contains(s.status());
            case "mismatch" -> s -> s.status() == Status.MISMATCH;
            case "unhealthy" -> s -> s.status() == Status.UNHEALTHY;
            case "unreachable" -> s -> s.status() == Status.UNREACHABLE;
            case "in-sync" -> s -> s.status() == Status.IN_SYNC;
            default -> s -> true;
        };
    }

    private static String label(String filter) {
        return filter.equals("in-sync") ? "In sync" : Character.toUpperCase(filter.charAt(0)) + filter.substring(1);
    }

    private static Row row(ServiceReport s, ParityReport report, Instant now) {
        List<Cell> cells = new ArrayList<>();
        for (String env : report.environments()) {
            EnvironmentReport e = s.environments().get(env);
            Severity worst = s.findings().stream().filter(f -> f.environments().contains(env)).map(Finding::severity)
                    .reduce(Severity.OK, Severity::max);
            // The checklist's gaps only where they differ from a neighbour: most services send the same few headers
            // everywhere, and the same list under every cell would hide the one that matters.
            boolean headersDiffer = s.findings().stream()
                    .anyMatch(f -> f.kind() == Finding.Kind.HEADERS_MISMATCH && f.environments().contains(env));
            cells.add(e == null ? new Cell(env, "—", "", "", "UNKNOWN", "", worst.id(), null, null, null, "", "", "", "", "")
                    : cell(env, e, worst, now, headersDiffer));
        }
        return new Row(s.name(), s.status().name(), s.status().label(), s.severity().id(), cells, s.findings().stream()
                // The cell of an unreachable environment shows why; the row does not repeat it.
                .filter(f -> f.kind() != Finding.Kind.UNREACHABLE)
                .map(f -> UntrustedText.printable(Since.sentence(f, report.startedAt()))).toList(),
                "services/" + URLEncoder.encode(s.name(), StandardCharsets.UTF_8).replace("+", "%20"), waiting(s),
                owning(s.ownership()));
    }

    private static Waiting waiting(ServiceReport s) {
        Pending p = s.pending();
        String promote = s.promote() == null ? null : web(s.promote().url());
        if (p == null || p.answered() && p.status() == Pending.State.IDENTICAL) {
            return promote == null ? null : new Waiting("promote", null, List.of(), 0, null, promote);
        }
        if (!p.answered()) {
            return new Waiting("pending unknown", UntrustedText.printable(p.summary()), List.of(), 0, null, promote);
        }
        String label = p.aheadBy() > 0 ? p.aheadBy() + " waiting" : p.behindBy() + " not in " + p.from();
        List<Commit> commits = p.commits().stream().map(DashboardView::commit).toList();
        return new Waiting(label, UntrustedText.printable(p.summary()), commits, Math.max(0, p.aheadBy() - commits.size()), web(p.compareUrl()), promote);
    }

    /** Titles and authors come from the repository: one printable line each, the pull request named once. */
    private static Commit commit(Pending.Commit c) {
        String title = UntrustedText.printable(c.title());
        String pr = c.pullRequest() == null || title != null && title.contains("#" + c.pullRequest()) ? null : "#" + c.pullRequest();
        return new Commit(UntrustedText.printable(Labels.shortCommit(c.sha())), title, UntrustedText.printable(c.author()),
                web(c.url()), pr);
    }

    private static Owning owning(Ownership o) {
        if (o.owner() == null && o.runbook() == null && o.rollback() == null) {
            return null;
        }
        String rollbackUrl = web(o.rollback());
        return new Owning(o.owner() == null ? null : UntrustedText.printable(o.owner().name()), web(o.runbook()), rollbackUrl,
                rollbackUrl == null ? UntrustedText.printable(o.rollback()) : null);
    }

    /** Only http(s) URLs become links (a code host's answer or a note cannot make a javascript: link), encoded by {@link Link}. */
    private static String web(String url) {
        return Link.of("", url).map(Link::url).orElse(null);
    }

    /** Qute escapes HTML; what a service reported is also made printable (no control or bidi characters). */
    private static Cell cell(String env, EnvironmentReport e, Severity worst, Instant now, boolean headersDiffer) {
        String version = e.version() == null ? "—" : UntrustedText.printable(e.version());
        String shortVersion = version.length() > MAX_VERSION ? version.substring(0, MAX_VERSION - 1) + "…" : version;
        String health = e.reachable() ? e.health().name() : "UNREACHABLE";
        String built = e.builtAt() == null ? "" : "built " + ago(Duration.between(e.builtAt(), now));
        String seen = e.versionSince() == null ? "" : "first seen here " + ago(Duration.between(e.versionSince(), now));
        return new Cell(env, shortVersion, version, e.commit() == null ? "" : UntrustedText.printable(Labels.shortCommit(e.commit())),
                health, built, worst.id(), e.versionUrl(), e.healthUrl(), e.error() == null ? null : UntrustedText.printable(e.error()),
                seen,
                e.runtime().values().stream().map(UntrustedText::printable).collect(Collectors.joining(" · ")),
                e.tls() == null ? "" : UntrustedText.printable(e.tls().protocol() + " · certificate until "
                        + e.tls().notAfter().atOffset(ZoneOffset.UTC).toLocalDate() + " (" + e.tls().issuedBy() + ")"),
                headersDiffer ? headers(e.securityHeaders()) : "", schema(e.schema()));
    }

    /** What the checklist found wanting: the headers not sent, and those that reveal a version, with it. */
    private static String headers(HeaderChecklist h) {
        if (h == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (!h.missing().isEmpty()) {
            parts.add("lacks " + String.join(", ", h.missing()));
        }
        h.versionLeaks().forEach((name, value) -> parts.add(name + ": " + value));
        return UntrustedText.printable(String.join(" · ", parts));
    }

    /** The latest applied migration and how many wait, or that the endpoint could not be read. */
    private static String schema(SchemaReport s) {
        if (s == null) {
            return "";
        }
        String state = !s.readable() ? "unreadable"
                : (s.latest() == null ? "no migration applied" : s.latest()) + (s.pending() > 0 ? " · " + s.pending() + " pending" : "")
                        + (s.failed().isEmpty() ? "" : " · " + s.failed().size() + " failed");
        return UntrustedText.printable(s.tool() + ": " + state);
    }

    /** "just now", "4m ago", "3d 4h ago". */
    static String ago(Duration d) {
        if (d.isNegative() || d.toSeconds() < 60) {
            return "just now";
        }
        return Durations.human(d) + " ago";
    }
}
