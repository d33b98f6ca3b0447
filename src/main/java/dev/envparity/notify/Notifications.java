package dev.envparity.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.envparity.history.LeadTimes;
import dev.envparity.report.NotificationResult;
import dev.envparity.report.NotificationResult.Outcome;
import dev.envparity.report.ParityReport;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Severity;
import dev.envparity.state.StateHealth;
import dev.envparity.state.StateStore;
import dev.envparity.state.StateStoreException;
import dev.envparity.state.TargetState;

/**
 * Tells every configured target what it needs to hear about a run: routes the report to the target's
 * services and environments, asks the policy whether to post, claims the change in the state store (so an
 * overlapping run does not post it twice), then delivers — all targets at once, each isolated from the
 * others' failures, all within {@code parity.notify.deadline}. A failed delivery is logged at error level and
 * recorded, so the change is posted again, with a note, by the next run. A delivery whose outcome is unknown
 * (sent in full, no answer) counts as told: posting it again would more likely repeat it than recover it.
 * A target whose state cannot be written is not posted to — every later run would post the same again — and
 * the problem is kept in {@link StateHealth} for the readiness check and the CLI's exit code.
 */
@ApplicationScoped
public class Notifications {
    private static final Logger LOG = Logger.getLogger(Notifications.class);
    /** How often a deploy summary decides again after losing its claim to another service's summary. */
    private static final int MAX_CLAIMS = 8;

    private final NotifyPlan plan;
    private final Map<String, Notifier<?>> notifiers;
    private final StateStore store;
    private final WebhookSender sender;
    private final ObjectMapper json;
    private final Clock clock;
    private final StateHealth health;

    @Inject
    public Notifications(NotifyPlan plan, NotifierRegistry registry, StateStore store, WebhookSender sender,
            ObjectMapper json, Clock clock, StateHealth health) {
        this.plan = plan;
        this.notifiers = registry.byType();
        this.store = store;
        this.sender = sender;
        this.json = json;
        this.clock = clock;
        this.health = health;
    }

    private record Pending(Target target, TargetState previous, TargetState claimed, Digest digest,
            CompletableFuture<WebhookSender.Delivery> delivery) {
    }

    public List<NotificationResult> dispatch(ParityReport report) {
        long deadline = System.nanoTime() + plan.deadline().toNanos();
        Instant now = clock.instant();
        List<NotificationResult> results = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (Target target : plan.targets()) {
            isolated(target, results, () -> start(target, report, now, deadline, results, pending));
        }
        return finishAll(pending, results);
    }

    /** Runs one target's preparation so that its failure is its own: reported, never another target's. */
    private void isolated(Target target, List<NotificationResult> results, Runnable step) {
        try {
            step.run();
        } catch (StateStoreException e) {
            LOG.errorf("%s: not posted: %s", target.label(), e.getMessage());
            health.failed(target.name(), e.getMessage(), clock.instant());
            results.add(new NotificationResult(target.name(), target.type(), Outcome.FAILED,
                    e.getMessage() + "; not posted, or every run would post it again"));
        } catch (RuntimeException e) {
            LOG.errorf("%s: could not prepare the message: %s", target.label(), Redaction.scrub(String.valueOf(e), target.url()));
            results.add(new NotificationResult(target.name(), target.type(), Outcome.FAILED,
                    "could not prepare the message: " + Redaction.scrub(e.getClass().getSimpleName(), target.url())));
        }
    }

    private void start(Target target, ParityReport report, Instant now, long deadline, List<NotificationResult> results,
            List<Pending> pending) {
        List<String> muted = report.services().stream().map(ServiceReport::name).filter(s -> isMuted(s, now)).toList();
        List<ServiceReport> routed = Routing.route(report, target, muted);
        List<String> environments = Routing.environments(report, target);

        TargetState state = store.load(target.name());
        NotifyPolicy.Decision decision = NotifyPolicy.decide(target, target.policy(), routed, muted, state, now,
                plan.remindEvery(), plan.confirmAfter());
        if (!decision.post()) {
            if (decision.quiet() != null) {
                // Resolutions being confirmed: counted by this run, told by a later one (an overlapping run may count it).
                store.compareAndSet(target.name(), state.version(), decision.quiet());
                health.written(target.name());
            } else {
                recheck(target, state);
            }
            results.add(new NotificationResult(target.name(), target.type(), Outcome.SKIPPED, decision.skipped()));
            return;
        }
        int mutedHere = (int) muted.stream().filter(s -> Routing.follows(target, s)).count();
        Digest digest = Digests.build(report, environments, routed, decision.changes(), decision.resolved(), mutedHere,
                state.lastFailure(), decision.reminder(), plan.mentionAt());
        if (!claim(target, state, decision.next(), results)) {
            return;
        }
        send(target, state, decision.next(), digest, report.withView(environments, routed), deadline, pending);
    }

    /**
     * Marks the findings that have not persisted for {@code parity.notify.confirm-after} yet: the report shows them,
     * marked, and no target hears of them until they have.
     */
    public ParityReport confirm(ParityReport report) {
        if (plan.confirmAfter().atOnce()) {
            return report;
        }
        Instant now = clock.instant();
        return report.withServices(report.services().stream().map(s -> s.withFindings(s.findings().stream()
                .map(f -> f.confirmed(plan.confirmAfter().confirmed(f, now))).toList())).toList());
    }

    /**
     * {@code parity.notify.all-clear}: "All 12 services are in sync between staging and production" to every target
     * whose services all are (a daily sign that the checker is alive). Not to a target with policy never, nor one
     * that follows a service with any finding.
     */
    public List<NotificationResult> allClear(ParityReport report) {
        return toEach(report, (routed, environments, muted) -> !routed.isEmpty() && routed.stream().allMatch(s -> s.findings().isEmpty())
                ? Digests.build(report, environments, routed, Map.of(), List.of(), muted, null, false) : null, "not all in sync");
    }

    /**
     * {@code parity.notify.lead-times}: each service's promotion lead times (median and 90th percentile per downstream
     * environment, over the retention period) to every target that follows a service with promotions. Not to a target
     * with policy never.
     *
     * @param leadTimes per service, per downstream environment (those without promotions left out)
     */
    public List<NotificationResult> leadTimes(ParityReport report, Map<String, List<LeadTimes.Summary>> leadTimes,
            long retentionDays) {
        return toEach(report, (routed, environments, muted) -> {
            Map<String, List<LeadTimes.Summary>> followed = new HashMap<>();
            routed.forEach(s -> {
                List<LeadTimes.Summary> here = leadTimes.getOrDefault(s.name(), List.of()).stream()
                        .filter(l -> environments.contains(l.environment())).toList();
                if (!here.isEmpty()) {
                    followed.put(s.name(), here);
                }
            });
            return followed.isEmpty() ? null : Digests.leadTimes(report, environments, routed, followed, retentionDays, muted);
        }, "no promotions");
    }

    /** What a scheduled message says to one target: its digest, or null when it has nothing to tell it. */
    @FunctionalInterface
    private interface Composer {
        Digest compose(List<ServiceReport> routed, List<String> environments, int muted);
    }

    /**
     * A scheduled message, outside the policy (it changes nothing the policy remembers), to every target but those
     * with policy never and those {@code composer} has nothing for ({@code nothing} says why).
     */
    private List<NotificationResult> toEach(ParityReport report, Composer composer, String nothing) {
        long deadline = System.nanoTime() + plan.deadline().toNanos();
        Instant now = clock.instant();
        List<String> muted = report.services().stream().map(ServiceReport::name).filter(s -> isMuted(s, now)).toList();
        List<NotificationResult> results = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (Target target : plan.targets()) {
            if (target.policy() == Target.Policy.NEVER) {
                results.add(new NotificationResult(target.name(), target.type(), Outcome.SKIPPED, "policy never"));
                continue;
            }
            isolated(target, results, () -> {
                List<ServiceReport> routed = Routing.route(report, target, muted);
                List<String> environments = Routing.environments(report, target);
                Digest digest = composer.compose(routed, environments,
                        (int) muted.stream().filter(s -> Routing.follows(target, s)).count());
                if (digest == null) {
                    results.add(new NotificationResult(target.name(), target.type(), Outcome.SKIPPED, nothing));
                    return;
                }
                pending.add(new Pending(target, null, null, digest, notifiers.get(target.type())
                        .deliver(target, digest, report.withView(environments, routed), sender, json, deadline)
                        .exceptionally(e -> failedDelivery(target, e))));
            });
        }
        return finishAll(pending, results);
    }

    /**
     * A deploy summary for one service ("checkout 2.4.1 is live on staging after 38 s; …") to every target that
     * follows that service and environment, under the same policy as every run ({@link NotifyPolicy#deploy}).
     *
     * @param report a report of the one service, as the verification saw it
     */
    public List<NotificationResult> announce(ParityReport report, Rollout rollout) {
        long deadline = System.nanoTime() + plan.deadline().toNanos();
        Instant now = clock.instant();
        ServiceReport checked = report.services().get(0);
        List<NotificationResult> results = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (Target target : plan.targets()) {
            if (Routing.follows(target, checked.name(), rollout.environment())) {
                isolated(target, results, () -> announce(target, report, rollout, checked, now, deadline, results, pending));
            }
        }
        return finishAll(pending, results);
    }

    private void announce(Target target, ParityReport report, Rollout rollout, ServiceReport checked, Instant now,
            long deadline, List<NotificationResult> results, List<Pending> pending) {
        ServiceReport service = Routing.only(target, checked);
        List<String> environments = Routing.environments(report, target);
        // Summaries of different services' deploys to one target may be claimed at the same moment: one that lost
        // the race to another service's summary decides again on the state that won, rather than being dropped.
        for (int attempt = 1; ; attempt++) {
            TargetState state = store.load(target.name());
            NotifyPolicy.Decision decision = NotifyPolicy.deploy(target, service, rollout.severity(checked),
                    isMuted(checked.name(), now), state, now);
            if (!decision.post()) {
                results.add(new NotificationResult(target.name(), target.type(), Outcome.SKIPPED, decision.skipped()));
                return;
            }
            if (store.compareAndSet(target.name(), state.version(), decision.next())) {
                health.written(target.name());
                Digest digest = Digests.deploy(report, environments, rollout, checked, service,
                        decision.changes().get(checked.name()), state.lastFailure(), plan.mentionAt());
                send(target, state, decision.next(), digest, report.withView(environments, List.of(service)), deadline, pending);
                return;
            }
            if (attempt == MAX_CLAIMS) {
                claimedElsewhere(target, results);
                return;
            }
        }
    }

    /** Claims the change in the state store; an overlapping run that claimed first posts it. */
    private boolean claim(Target target, TargetState state, TargetState next, List<NotificationResult> results) {
        boolean claimed = store.compareAndSet(target.name(), state.version(), next);
        health.written(target.name());
        if (!claimed) {
            claimedElsewhere(target, results);
        }
        return claimed;
    }

    private void claimedElsewhere(Target target, List<NotificationResult> results) {
        LOG.infof("%s: an overlapping run already claimed this change; not posting it twice", target.label());
        results.add(new NotificationResult(target.name(), target.type(), Outcome.CLAIMED_ELSEWHERE,
                "an overlapping run posts this change"));
    }

    /** Starts the delivery of a claimed change. */
    private void send(Target target, TargetState state, TargetState next, Digest digest, ParityReport view, long deadline,
            List<Pending> pending) {
        CompletableFuture<WebhookSender.Delivery> delivery = notifiers.get(target.type())
                .deliver(target, digest, view, sender, json, deadline)
                .exceptionally(e -> failedDelivery(target, e));
        pending.add(new Pending(target, state, next, digest, delivery));
    }

    private static WebhookSender.Delivery failedDelivery(Target target, Throwable e) {
        return new WebhookSender.Delivery(WebhookSender.Delivery.Outcome.FAILED, 0, 0,
                Redaction.scrub("delivery failed: " + e.getMessage(), target.url()));
    }

    /**
     * A target whose state could not be written is not healthy until a write succeeds; when a run has nothing to
     * tell it, writing the same state again tells whether the store is back.
     */
    private void recheck(Target target, TargetState state) {
        if (!health.failing(target.name())) {
            return;
        }
        try {
            store.compareAndSet(target.name(), state.version(),
                    new TargetState(state.version() + 1, state.services(), state.lastFailure()));
            health.written(target.name());
        } catch (StateStoreException e) {
            health.failed(target.name(), e.getMessage(), clock.instant());
        }
    }

    /** Waits for every started delivery (each bounded by the deadline) and lists all outcomes by target. */
    private List<NotificationResult> finishAll(List<Pending> pending, List<NotificationResult> results) {
        for (Pending p : pending) {
            results.add(finish(p));
        }
        results.sort((a, b) -> a.target().compareTo(b.target()));
        return results;
    }

    private NotificationResult finish(Pending p) {
        WebhookSender.Delivery d = p.delivery().join();
        Target target = p.target();
        String attempts = d.attempts() + (d.attempts() == 1 ? " attempt" : " attempts");
        switch (d.outcome()) {
            case DELIVERED:
                LOG.infof("%s: delivered \"%s\" (%s)", target.label(), p.digest().headline(), attempts);
                return new NotificationResult(target.name(), target.type(), Outcome.DELIVERED, attempts);
            case UNKNOWN:
                // Counted as told (the claim stands): the platform has the whole message and most likely posted it.
                LOG.warnf("%s: \"%s\" may or may not have been posted: %s", target.label(), p.digest().headline(), d.error());
                return new NotificationResult(target.name(), target.type(), Outcome.UNKNOWN, d.error());
            default:
                break;
        }
        LOG.errorf("%s: could not deliver \"%s\": %s", target.label(), p.digest().headline(), d.error());
        if (p.claimed() == null) {
            return new NotificationResult(target.name(), target.type(), Outcome.FAILED, d.error()); // nothing was claimed
        }
        // Back to what the target had really been told, plus a note: the next run posts the change again.
        TargetState failed = new TargetState(p.claimed().version() + 1, p.previous().services(),
                new TargetState.Failure(clock.instant(), d.error()));
        try {
            store.compareAndSet(target.name(), p.claimed().version(), failed);
        } catch (StateStoreException e) {
            LOG.errorf("%s: the failure cannot be recorded, so the next run will not post it again: %s", target.label(),
                    e.getMessage());
            health.failed(target.name(), e.getMessage(), clock.instant());
            return new NotificationResult(target.name(), target.type(), Outcome.FAILED,
                    d.error() + "; and " + e.getMessage() + ", so the next run will not post it again");
        }
        return new NotificationResult(target.name(), target.type(), Outcome.FAILED, d.error());
    }

    private boolean isMuted(String service, Instant now) {
        Instant until = plan.mutes().get(service);
        return until != null && now.isBefore(until);
    }
}
