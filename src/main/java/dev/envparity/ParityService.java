package dev.envparity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.envparity.compare.EnvironmentComparator;
import dev.envparity.config.CheckPlan;
import dev.envparity.notify.Notifications;
import dev.envparity.probe.Prober;
import dev.envparity.scm.PendingChanges;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.ParityReport;
import dev.envparity.report.Pending;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;
import dev.envparity.report.Trigger;

/**
 * The one use case every trigger calls: probe every service in every environment, compare along the
 * promotion order, tell the chat targets what they need to hear, and keep the report as the latest.
 */
@ApplicationScoped
public class ParityService {
    private static final Logger LOG = Logger.getLogger(ParityService.class);

    private final CheckPlan plan;
    private final Prober prober;
    private final Clock clock;
    private final Notifications notifications;
    private final PendingChanges pendingChanges;
    private final AtomicReference<ParityReport> latest = new AtomicReference<>();

    @Inject
    public ParityService(CheckPlan plan, Prober prober, Clock clock, Notifications notifications, PendingChanges pendingChanges) {
        this.plan = plan;
        this.prober = prober;
        this.clock = clock;
        this.notifications = notifications;
        this.pendingChanges = pendingChanges;
    }

    public ParityReport run(Trigger trigger) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        Map<String, Map<String, EnvironmentReport>> results = prober.probeAll(plan.services(), plan.environments());
        Map<String, List<Pending>> compared = pendingChanges.lookUp(plan.services(), results);
        EnvironmentComparator comparator = new EnvironmentComparator(plan.maxPromotionLag());
        Instant now = clock.instant();
        List<ServiceReport> services = plan.services().stream().filter(spec -> results.containsKey(spec.name()))
                .map(spec -> comparator.judge(spec.name(), results.get(spec.name()), compared.getOrDefault(spec.name(), List.of()),
                        now).withOwnership(spec.ownership(), spec.promoteUrl()))
                .toList();
        Severity severity = services.stream().map(ServiceReport::severity).reduce(Severity.OK, Severity::max);
        ParityReport checked = new ParityReport(UUID.randomUUID().toString(), trigger, startedAt,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), plan.environments(), severity, services, List.of());
        ParityReport report = checked.withNotifications(notifications.dispatch(checked));
        latest.set(report);
        LOG.infof("Parity check %s (%s): %s across %d services in %d ms", report.id(), trigger.id(), severity.id(),
                services.size(), report.durationMs());
        return report;
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
