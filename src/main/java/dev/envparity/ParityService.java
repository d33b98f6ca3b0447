package dev.envparity;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.envparity.compare.EnvironmentComparator;
import dev.envparity.config.CheckPlan;
import dev.envparity.config.ServiceSpec;
import dev.envparity.history.History;
import dev.envparity.history.LeadTimes;
import dev.envparity.notify.Heartbeat;
import dev.envparity.notify.Notifications;
import dev.envparity.probe.Prober;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.ParityReport;
import dev.envparity.report.Pending;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;
import dev.envparity.report.Trigger;
import dev.envparity.scm.PendingChanges;
import dev.envparity.state.StateStoreException;

/**
 * The one use case every trigger calls: probe every service in every environment, compare along the
 * promotion order with what the history remembers, tell the chat targets what they need to hear, keep the
 * report as the latest, and let the heartbeat know the checker is alive.
 */
@ApplicationScoped
public class ParityService {
    private static final Logger LOG = Logger.getLogger(ParityService.class);

    private final CheckPlan plan;
    private final Prober prober;
    private final Clock clock;
    private final History history;
    private final Notifications notifications;
    private final Heartbeat heartbeat;
    private final PendingChanges pendingChanges;
    private final AtomicReference<ParityReport> latest = new AtomicReference<>();

    @Inject
    public ParityService(CheckPlan plan, Prober prober, Clock clock, History history, Notifications notifications,
            Heartbeat heartbeat, PendingChanges pendingChanges) {
        this.plan = plan;
        this.prober = prober;
        this.clock = clock;
        this.history = history;
        this.notifications = notifications;
        this.heartbeat = heartbeat;
        this.pendingChanges = pendingChanges;
    }

    public ParityReport run(Trigger trigger) {
        ParityReport report;
        try {
            report = check(trigger);
        } catch (RuntimeException e) {
            heartbeat.failed(e);
            throw e;
        }
        heartbeat.beat(report);
        return report;
    }

    private ParityReport check(Trigger trigger) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        Map<String, Map<String, EnvironmentReport>> results = prober.probeAll(plan.services(), plan.environments());
        Map<String, List<Pending>> compared = pendingChanges.lookUp(plan.services(), results);
        EnvironmentComparator comparator = new EnvironmentComparator(plan.maxPromotionLag(), plan.tls());
        Instant now = clock.instant();
        Map<String, ServiceSpec> specs = plan.services().stream().collect(Collectors.toMap(ServiceSpec::name, s -> s));
        History.Tracked tracked = history.track(startedAt, results, true, (name, envs) -> comparator.judge(name, envs,
                compared.getOrDefault(name, List.of()), now).withOwnership(specs.get(name).ownership(), specs.get(name).promoteUrl()));
        Severity severity = tracked.services().stream().map(ServiceReport::severity).reduce(Severity.OK, Severity::max);
        ParityReport checked = notifications.confirm(new ParityReport(UUID.randomUUID().toString(), trigger, startedAt,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), plan.environments(), severity, tracked.services(),
                List.of(), tracked.error()));
        ParityReport report = checked.withNotifications(notifications.dispatch(checked));
        latest.set(report);
        LOG.infof("Parity check %s (%s): %s across %d services in %d ms", report.id(), trigger.id(), severity.id(),
                report.services().size(), report.durationMs());
        return report;
    }

    /**
     * {@code parity.notify.all-clear}: a check (told as every check is), then "All N services are in sync" to every
     * target whose services all are.
     */
    public ParityReport allClear() {
        ParityReport report = run(Trigger.SCHEDULE);
        notifications.allClear(report).forEach(r -> LOG.infof("All-clear to %s: %s%s", r.target(), r.outcome().id(),
                r.detail() == null ? "" : " (" + r.detail() + ")"));
        return report;
    }

    /**
     * {@code parity.notify.lead-times}: each service's promotion lead times, from the history, to every target that
     * follows a service with promotions. No check of its own: the latest report says what each environment runs.
     */
    public void leadTimes() {
        ParityReport report = latestOrRun(Trigger.SCHEDULE);
        Map<String, List<LeadTimes.Summary>> leadTimes = new HashMap<>();
        try {
            for (ServiceReport s : report.services()) {
                history.of(s.name()).ifPresent(h -> leadTimes.put(s.name(), LeadTimes.summaries(
                        LeadTimes.promotions(h, plan.environments()), plan.environments()).stream()
                        .filter(l -> l.promotions() > 0).toList()));
            }
        } catch (StateStoreException e) {
            LOG.warnf("No lead times to tell: the history could not be read (%s)", e.getMessage());
            return;
        }
        notifications.leadTimes(report, leadTimes, history.retention().toDays()).forEach(r -> LOG.infof("Lead times to %s: %s%s",
                r.target(), r.outcome().id(), r.detail() == null ? "" : " (" + r.detail() + ")"));
    }

    /** The latest report, or a fresh one when nothing has run yet (concurrent first callers share one run). */
    public synchronized ParityReport latestOrRun(Trigger trigger) {
        ParityReport current = latest.get();
        return current != null ? current : run(trigger);
    }

    public Optional<ParityReport> latest() {
        return Optional.ofNullable(latest.get());
    }

    public CheckPlan plan() {
        return plan;
    }
}
