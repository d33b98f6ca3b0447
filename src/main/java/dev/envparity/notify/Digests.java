package dev.envparity.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.envparity.history.LeadTimes;
import dev.envparity.notify.Digest.Change;
import dev.envparity.notify.Digest.Item;
import dev.envparity.report.Durations;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Labels;
import dev.envparity.report.Ownership;
import dev.envparity.report.ParityReport;
import dev.envparity.report.Pending;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Since;
import dev.envparity.report.Severity;
import dev.envparity.report.Verdict;
import dev.envparity.state.TargetState;
import dev.envparity.report.Link;

/** Writes the sentences of a {@link Digest}: the same words on every platform. */
final class Digests {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** Commits a chat message lists; the report keeps up to 20, the count is always exact. */
    static final int LISTED = 5;

    private Digests() {
    }

    static Digest build(ParityReport report, List<String> environments, List<ServiceReport> services,
            Map<String, Change> changes, List<String> resolved, int muted, TargetState.Failure previousFailure,
            boolean reminder) {
        return build(report, environments, services, changes, resolved, muted, previousFailure, reminder,
                Optional.of(Severity.CRITICAL));
    }

    /** @param mentionAt owners of services at or above it are mentioned when their problem is new, changed or reminded */
    static Digest build(ParityReport report, List<String> environments, List<ServiceReport> services,
            Map<String, Change> changes, List<String> resolved, int muted, TargetState.Failure previousFailure,
            boolean reminder, Optional<Severity> mentionAt) {
        List<Item> items = new ArrayList<>();
        Severity severity = Severity.OK;
        for (ServiceReport s : services) {
            Change change = changes.get(s.name());
            if (change != null) {
                Item item = item(s, change, report.startedAt(), mentions(s, change, reminder, mentionAt));
                items.add(item);
                severity = Severity.max(severity, item.severity());
            }
        }
        items.sort((a, b) -> a.severity() != b.severity() ? b.severity().compareTo(a.severity())
                : a.status() != b.status() ? a.status().compareTo(b.status()) : a.service().compareTo(b.service()));
        return new Digest(headline(items, services.size(), environments), severity, String.join(" → ", environments),
                List.copyOf(items), resolved.stream().sorted().map(name -> name + " is back in sync").toList(),
                services.size() - items.size(), muted, context(report), report.id(), report.startedAt(),
                failure(previousFailure), reminder);
    }

    /**
     * {@code parity.notify.lead-times}: one item per service that had promotions, with its current versions and, per
     * downstream environment, "production: median 1d 2h, 90th percentile 2d 14h (8 promotions)".
     *
     * @param leadTimes per service, per downstream environment this target follows
     */
    static Digest leadTimes(ParityReport report, List<String> environments, List<ServiceReport> services,
            Map<String, List<LeadTimes.Summary>> leadTimes, long retentionDays, int muted) {
        List<Item> items = new ArrayList<>();
        for (ServiceReport s : services) {
            List<LeadTimes.Summary> summaries = leadTimes.getOrDefault(s.name(), List.of());
            if (!summaries.isEmpty()) {
                items.add(new Item(s.name(), s.status(), Severity.OK, Change.ONGOING, cells(s),
                        summaries.stream().map(Digests::leadTime).toList()));
            }
        }
        items.sort((a, b) -> a.service().compareTo(b.service()));
        int inSync = (int) services.stream().filter(s -> s.findings().isEmpty()).count();
        return new Digest("Promotion lead times over the last " + retentionDays + " days", Severity.OK,
                String.join(" → ", environments), items, List.of(), inSync, muted, context(report), report.id(),
                report.startedAt(), null, false);
    }

    /** "production: median 1d 2h, 90th percentile 2d 14h (8 promotions)". */
    private static String leadTime(LeadTimes.Summary s) {
        return s.environment() + ": median " + s.median() + ", 90th percentile " + s.p90() + " (" + s.promotions()
                + (s.promotions() == 1 ? " promotion)" : " promotions)");
    }

    /** Status and severity of what is confirmed; every finding listed, the unconfirmed ones marked. */
    private static Item item(ServiceReport s, Change change, Instant at, boolean mention) {
        ServiceReport confirmed = s.confirmedOnly();
        return new Item(s.name(), confirmed.status(), confirmed.severity(), change, cells(s),
                s.findings().stream().map(f -> Since.sentence(f, at)).toList(), waiting(s), contact(s.ownership(), mention));
    }

    /**
     * An ongoing problem does not ping its owner again at every message, only when reminded; what is not confirmed yet
     * (confirm-after) pings nobody.
     */
    private static boolean mentions(ServiceReport s, Change change, boolean reminder, Optional<Severity> mentionAt) {
        return mentionAt.isPresent() && s.confirmedOnly().severity().atLeast(mentionAt.get())
                && (change != Change.ONGOING || reminder);
    }

    /** "12 commits waiting in staging: View differences · Promote", and the newest commits. */
    static Digest.Changes waiting(ServiceReport s) {
        Pending p = s.pending();
        List<Link> links = new ArrayList<>();
        if (p != null && p.answered()) {
            Link.of("View differences", p.compareUrl()).ifPresent(links::add);
        }
        if (s.promote() != null) {
            Link.of("Promote", s.promote().url()).ifPresent(links::add);
        }
        String headline = p == null ? null : p.summary();
        if (headline == null && links.isEmpty()) {
            return null;
        }
        return p != null && p.answered() ? changes(headline, p, links) : new Digest.Changes(headline, List.of(), 0, links);
    }

    private static Digest.Changes changes(String headline, Pending p, List<Link> links) {
        List<String> commits = p.commits().stream().limit(LISTED).map(Pending.Commit::line).toList();
        return new Digest.Changes(headline, commits, Math.max(0, p.aheadBy() - commits.size()), links);
    }

    /** "Owner: Payments · Runbook · Rollback: …", or null when configuration names none of them. */
    static Digest.Contact contact(Ownership o, boolean mention) {
        if (o.owner() == null && o.runbook() == null && o.rollback() == null) {
            return null;
        }
        List<Link> links = new ArrayList<>();
        Link.of("Runbook", o.runbook()).ifPresent(links::add);
        Optional<Link> rollback = Link.of("Rollback", o.rollback());
        rollback.ifPresent(links::add);
        return new Digest.Contact(o.owner(), mention, rollback.isPresent() ? null : o.rollback(), links);
    }

    /** "Shipped to production: 12 commits", the newest of them and the comparison; null when the host could not tell. */
    static Digest.Changes shipped(Rollout r) {
        Pending p = r.shipped();
        if (p == null || !p.answered() || p.aheadBy() == 0) {
            return null;
        }
        List<Link> links = Link.of("View differences", p.compareUrl()).stream().toList();
        return changes("Shipped to " + r.environment() + ": " + Pending.commits(p.aheadBy()), p, links);
    }

    /** "schedule · 2026-11-26 10:00 UTC · 412 ms · run 3f6b2c1e". */
    private static String context(ParityReport report) {
        return report.trigger().id() + " · " + TIME.format(report.startedAt()) + " · " + report.durationMs()
                + " ms · run " + report.id().substring(0, Math.min(8, report.id().length()));
    }

    private static String failure(TargetState.Failure previous) {
        return previous == null ? null
                : "The previous message (" + TIME.format(previous.at()) + ") could not be delivered: " + previous.error();
    }

    /**
     * One service's deploy summary: how the rollout went, the service's findings when it has any.
     *
     * @param checked the service across all environments, as the verification saw it
     * @param service the part of it this target follows
     */
    static Digest deploy(ParityReport report, List<String> environments, Rollout rollout, ServiceReport checked,
            ServiceReport service, Change change, TargetState.Failure previousFailure) {
        return deploy(report, environments, rollout, checked, service, change, previousFailure, Optional.of(Severity.CRITICAL));
    }

    static Digest deploy(ParityReport report, List<String> environments, Rollout rollout, ServiceReport checked,
            ServiceReport service, Change change, TargetState.Failure previousFailure, Optional<Severity> mentionAt) {
        List<Item> items = service.findings().isEmpty() ? List.of()
                : List.of(item(service, change, report.startedAt(),
                        mentions(service, change, false, mentionAt)));
        return new Digest(deployHeadline(rollout, checked), rollout.severity(checked), String.join(" → ", environments), items,
                List.of(), items.isEmpty() ? 1 : 0, 0, context(report), report.id(), report.startedAt(), failure(previousFailure),
                false, shipped(rollout));
    }

    /**
     * "checkout 2.4.1 is live on staging after 38s; production runs 2.3.9 — promotion pending", or
     * "checkout: staging still reports 2.4.0 after 5m; expected 2.4.1".
     */
    static String deployHeadline(Rollout r, ServiceReport checked) {
        EnvironmentReport deployed = checked.environments().get(r.environment());
        if (!r.live()) {
            String expected = r.expectedVersion() != null ? r.expectedVersion() : Labels.shortCommit(r.expectedCommit());
            return r.service() + ": " + r.environment() + " still reports " + shown(deployed) + " after "
                    + Durations.human(r.waited()) + "; expected " + expected;
        }
        String head;
        if (r.expects()) {
            String what = r.expectedVersion() != null ? r.expectedVersion() : deployed.version() != null ? deployed.version()
                    : Labels.shortCommit(r.expectedCommit());
            head = r.service() + " " + what + " is live on " + r.environment() + " after " + Durations.human(r.waited());
        } else {
            head = r.service() + " was deployed to " + r.environment() + " (" + r.source() + ") and runs " + shown(deployed);
        }
        String others = checked.environments().entrySet().stream().filter(e -> !e.getKey().equals(r.environment()))
                .map(e -> e.getValue().reachable() ? e.getKey() + " runs " + shown(e.getValue()) : e.getKey() + " is unreachable")
                .collect(Collectors.joining(", "));
        return head + (others.isEmpty() ? "" : "; " + others) + " — " + checked.status().label();
    }

    private static String shown(EnvironmentReport r) {
        return r.version() != null ? r.version() : r.commit() != null ? Labels.shortCommit(r.commit())
                : r.reachable() ? "no version" : "nothing (unreachable)";
    }

    static String headline(List<Item> items, int total, List<String> environments) {
        return Verdict.of(items.stream().map(Item::status).toList(), total, environments);
    }

    static List<Digest.Cell> cells(ServiceReport s) {
        return s.environments().entrySet().stream().map(e -> cell(e.getKey(), e.getValue())).toList();
    }

    private static Digest.Cell cell(String environment, EnvironmentReport e) {
        return new Digest.Cell(environment, e.version(), e.health(), e.commit() == null ? null : Labels.shortCommit(e.commit()),
                e.reachable());
    }
}
