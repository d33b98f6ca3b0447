package dev.envparity.history;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.envparity.report.Durations;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Since;
import dev.envparity.state.ServiceHistory;
import dev.envparity.state.ServiceHistory.Kind;
import dev.envparity.state.ServiceHistory.Transition;
import io.quarkus.qute.TemplateData;

/**
 * One service's page on the dashboard: its timeline — a row per environment, versions as coloured segments over time,
 * the times it was not healthy marked beneath — drawn as SVG on the server (no script: the page's policy allows none),
 * its promotions with their lead times, open findings and latest changes. Text is escaped by the template engine;
 * here only geometry and words.
 *
 * @param path the service's name as a URL path segment
 * @param window the days shown
 * @param error why the history could not be read, or null
 */
@TemplateData
public record ServicePage(String service, String path, String statusLabel, String severity, List<String> findings, int window,
        List<Integer> windows, int height, List<Tick> ticks, List<Lane> lanes, List<String> environments,
        String lastEnvironment, List<PromotionRow> promotions, List<LeadRow> leadTimes, List<OpenRow> open, List<ChangeRow> changes,
        boolean empty, String error) {

    static final int WIDTH = 1000;
    private static final int PLOT_LEFT = 110;
    private static final int PLOT_RIGHT = 990;
    private static final int AXIS = 22;
    private static final int LANE = 38;
    private static final int PALETTE = 8;
    private static final int RECENT = 25;
    private static final int LAST_PROMOTIONS = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @TemplateData
    public record Tick(String x, String label) {
    }

    /** @param y the top of the lane; {@code labelY} the baseline of its name */
    @TemplateData
    public record Lane(String environment, int y, int labelY, List<Bar> versions, List<Bar> incidents) {
    }

    /** A rectangle with its tooltip, and its label when it fits. */
    @TemplateData
    public record Bar(String x, int y, String width, int height, String css, String label, String labelX, int labelY,
            String title) {
    }

    @TemplateData
    public record PromotionRow(String version, List<String> reached) {
    }

    @TemplateData
    public record LeadRow(String environment, int promotions, String median, String p90) {
    }

    @TemplateData
    public record OpenRow(String finding, String status, String since, long checks) {
    }

    @TemplateData
    public record ChangeRow(String at, String environment, String what) {
    }

    /**
     * @param history empty when the service has none yet
     * @param current the service in the latest report, or null
     * @param checks the number of the last check
     */
    public static ServicePage of(String service, ServiceHistory history, ServiceReport current, List<String> environments,
            Instant now, int days, long checks, Duration retention) {
        Instant to = now;
        Instant from = now.minus(Duration.ofDays(days));
        List<List<Timeline.Period>> versions = new ArrayList<>();
        for (String env : environments) {
            versions.add(Timeline.versions(history, env, from, to));
        }
        Map<String, Integer> colours = Timeline.colours(versions, PALETTE);
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < environments.size(); i++) {
            String env = environments.get(i);
            int y = AXIS + i * LANE;
            List<Bar> bars = versions.get(i).stream().map(p -> bar(p, from, to, y + 2, 22, "v" + colours.get(p.value()),
                    p.value(), p.value() + " on " + env + ": " + TIME.format(p.from()) + " – " + until(p.to(), now)))
                    .toList();
            List<Bar> incidents = Timeline.incidents(history, env, from, to).stream().map(p -> bar(p, from, to, y + 27, 7,
                    "h-" + p.value(), null, env + " " + p.value() + ": " + TIME.format(p.from()) + " – " + until(p.to(), now)
                            + " (" + Durations.human(p.length()) + ")"))
                    .toList();
            lanes.add(new Lane(env, y, y + 18, bars, incidents));
        }
        List<LeadTimes.Promotion> promotions = LeadTimes.promotions(history, environments);
        List<Integer> windows = List.of(7, 30, 90).stream().filter(d -> d <= Math.max(7, retention.toDays())).toList();
        boolean empty = history.transitions().isEmpty() && history.environments().isEmpty();
        return new ServicePage(service, path(service), current == null ? "not checked yet" : current.status().label(),
                current == null ? "ok" : current.severity().id(),
                current == null ? List.of() : current.findings().stream().map(f -> Since.sentence(f, now)).toList(), days,
                windows, AXIS + environments.size() * LANE + 4, ticks(from, to, days), lanes, environments,
                environments.get(environments.size() - 1), promotions.stream().limit(LAST_PROMOTIONS).map(p -> promotionRow(p, environments)).toList(),
                LeadTimes.summaries(promotions, environments).stream()
                        .map(s -> new LeadRow(s.environment(), s.promotions(), dash(s.median()), dash(s.p90()))).toList(),
                open(history, checks), changes(history), empty, null);
    }

    /** The page when the history could not be read: the service, and why there is no timeline. */
    public static ServicePage unavailable(String service, ServiceReport current, List<String> environments, int days,
            String error) {
        return new ServicePage(service, path(service), current == null ? "not checked yet" : current.status().label(),
                current == null ? "ok" : current.severity().id(), List.of(), days, List.of(7, 30, 90), AXIS + 4, List.of(),
                List.of(), environments, environments.get(environments.size() - 1), List.of(), List.of(), List.of(), List.of(),
                true, error);
    }

    private static Bar bar(Timeline.Period p, Instant from, Instant to, int y, int height, String css, String label, String title) {
        double x0 = x(p.from(), from, to);
        double w = Math.max(height > 10 ? 1.5 : 3, x(p.to(), from, to) - x0);
        boolean fits = label != null && w >= label.length() * 7.2 + 10;
        return new Bar(num(x0), y, num(w), height, css, fits ? label : null, num(x0 + 5), y + 15, title);
    }

    private static double x(Instant t, Instant from, Instant to) {
        double span = Duration.between(from, to).toMillis();
        return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * (Duration.between(from, t).toMillis() / span);
    }

    /** A tick each midnight (UTC), each Monday for a month, every other Monday beyond. */
    private static List<Tick> ticks(Instant from, Instant to, int days) {
        List<Tick> ticks = new ArrayList<>();
        Instant day = from.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        int week = 0;
        for (; !day.isAfter(to); day = day.plus(Duration.ofDays(1))) {
            boolean monday = day.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() == 1;
            if (days <= 10 || monday && (days <= 45 || week++ % 2 == 0)) {
                ticks.add(new Tick(num(x(day, from, to)), DAY.format(day)));
            }
        }
        return ticks;
    }

    private static PromotionRow promotionRow(LeadTimes.Promotion p, List<String> environments) {
        List<String> reached = new ArrayList<>();
        for (String env : environments) {
            Instant at = p.reached().get(env);
            String lead = p.leadTime().get(env);
            reached.add(at == null ? "—" : TIME.format(at) + (lead == null ? "" : " (+" + lead + ")"));
        }
        return new PromotionRow(p.version(), reached);
    }

    private static List<OpenRow> open(ServiceHistory h, long checks) {
        return h.findings().entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().since()))
                .map(e -> new OpenRow(e.getKey(), e.getValue().status(), TIME.format(e.getValue().since()),
                        Math.max(1, checks - e.getValue().sinceCheck() + 1)))
                .toList();
    }

    private static List<ChangeRow> changes(ServiceHistory h) {
        List<ChangeRow> rows = new ArrayList<>();
        List<Transition> all = h.transitions();
        for (int i = all.size() - 1; i >= 0 && rows.size() < RECENT; i--) {
            Transition t = all.get(i);
            String what = switch (t.kind()) {
                case VERSION -> "runs " + t.value() + (t.commit() == null ? "" : " (" + t.commit() + ")")
                        + (t.initial() ? ", first seen" : "");
                case HEALTH -> "is " + t.value() + (t.initial() ? ", first seen" : "");
                case OPENED -> "found: " + t.value();
                case CLOSED -> "resolved: " + t.value();
            };
            rows.add(new ChangeRow(TIME.format(t.at()), t.kind() == Kind.OPENED || t.kind() == Kind.CLOSED ? "" : t.environment(),
                    what));
        }
        return rows;
    }

    private static String path(String service) {
        return URLEncoder.encode(service, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String until(Instant end, Instant now) {
        return end.equals(now) ? "now" : TIME.format(end);
    }

    private static String dash(String s) {
        return s == null ? "—" : s;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
