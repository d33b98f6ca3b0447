package dev.envparity.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.envparity.ParityService;
import dev.envparity.compare.Commits;
import dev.envparity.compare.EnvironmentComparator;
import dev.envparity.compare.VersionOrder;
import dev.envparity.config.CheckPlan;
import dev.envparity.config.HooksPlan;
import dev.envparity.config.ServiceSpec;
import dev.envparity.history.History;
import dev.envparity.notify.Notifications;
import dev.envparity.notify.Rollout;
import dev.envparity.probe.Prober;
import dev.envparity.scm.PendingChanges;
import dev.envparity.report.Durations;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.ParityReport;
import dev.envparity.report.Pending;
import dev.envparity.report.ServiceReport;
import dev.envparity.report.Trigger;
import dev.envparity.state.PendingDeploy;

/**
 * The post-deploy use case: after a deploy event, wait until the environment reports the deployed version or
 * commit (polling its version endpoint), then compare the service across all environments and post one
 * summary — "checkout 2.4.1 is live on staging after 38 s; production runs 2.3.9 — promotion pending", or
 * "checkout: staging still reports 2.4.0 after 5m; expected 2.4.1".
 */
@ApplicationScoped
public class DeployVerifier {
    private static final Logger LOG = Logger.getLogger(DeployVerifier.class);

    private final CheckPlan plan;
    private final Prober prober;
    private final Notifications notifications;
    private final Clock clock;
    private final Duration interval;
    private final Duration timeout;
    private final History history;
    private final PendingChanges pendingChanges;
    private final ParityService parity;

    @Inject
    public DeployVerifier(CheckPlan plan, Prober prober, Notifications notifications, Clock clock, HooksPlan hooks,
            History history, PendingChanges pendingChanges, ParityService parity) {
        this.plan = plan;
        this.prober = prober;
        this.history = history;
        this.notifications = notifications;
        this.clock = clock;
        this.interval = hooks.verify().interval();
        this.timeout = hooks.verify().timeout();
        this.pendingChanges = pendingChanges;
        this.parity = parity;
    }

    /**
     * Verifies asynchronously: waiting for the rollout holds no thread (each poll is scheduled after the last);
     * only the final comparison and the chat post run on one of {@code threads}.
     */
    public CompletableFuture<ParityReport> verify(PendingDeploy deploy, ScheduledExecutorService threads) {
        ServiceSpec spec = plan.service(deploy.service())
                .orElseThrow(() -> new IllegalArgumentException("no service " + deploy.service()));
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        boolean expects = deploy.version() != null || deploy.commit() != null;
        AtomicReference<String> before = new AtomicReference<>(latestCommit(spec.name(), deploy.environment()));
        return awaitRollout(spec, deploy, expects, start + timeout.toNanos(), threads, before)
                .thenApplyAsync(deployed -> summarise(spec, deploy, deployed, expects, startedAt, start, before.get()), threads);
    }

    /** @param before set to the commit the environment reports while the new one is not rolled out yet */
    private CompletableFuture<EnvironmentReport> awaitRollout(ServiceSpec spec, PendingDeploy deploy, boolean expects,
            long deadline, ScheduledExecutorService threads, AtomicReference<String> before) {
        return prober.probe(spec, deploy.environment()).thenCompose(deployed -> {
            if (!expects || rolledOut(deployed, deploy) || System.nanoTime() + interval.toNanos() > deadline) {
                return CompletableFuture.completedFuture(deployed);
            }
            if (deployed.commit() != null) {
                before.set(deployed.commit());
            }
            Executor later = next -> threads.schedule(next, interval.toNanos(), TimeUnit.NANOSECONDS);
            return CompletableFuture.runAsync(() -> { }, later)
                    .thenCompose(pollAgain -> awaitRollout(spec, deploy, expects, deadline, threads, before));
        });
    }

    /** What the environment ran at the last check of this process, if one ran: the commit a deploy replaced. */
    private String latestCommit(String service, String environment) {
        return parity.latest().flatMap(r -> r.services().stream().filter(s -> s.name().equals(service)).findFirst())
                .map(s -> s.environments().get(environment)).map(EnvironmentReport::commit).orElse(null);
    }

    private ParityReport summarise(ServiceSpec spec, PendingDeploy deploy, EnvironmentReport deployed, boolean expects,
            Instant startedAt, long start, String before) {
        boolean live = !expects || rolledOut(deployed, deploy);
        Duration waited = Duration.between(deploy.firstReceivedAt(), clock.instant());

        Map<String, CompletableFuture<EnvironmentReport>> others = new LinkedHashMap<>();
        for (String env : plan.environments()) {
            if (!env.equals(deploy.environment())) {
                others.put(env, prober.probe(spec, env));
            }
        }
        Map<String, EnvironmentReport> all = new LinkedHashMap<>();
        for (String env : plan.environments()) {
            all.put(env, env.equals(deploy.environment()) ? deployed : others.get(env).join());
        }
        List<Pending> compared = pendingChanges.lookUp(List.of(spec), Map.of(spec.name(), all)).getOrDefault(spec.name(), List.of());
        // The history learns when the new version arrived, to the poll; a verification is not counted as a check.
        Instant now = clock.instant();
        EnvironmentComparator comparator = new EnvironmentComparator(plan.maxPromotionLag(), plan.tls());
        History.Tracked tracked = history.track(now, Map.of(spec.name(), all), false, (name, envs) -> comparator.judge(name, envs,
                compared, now).withOwnership(spec.ownership(), spec.promoteUrl()));
        ServiceReport service = tracked.services().get(0);
        Pending shipped = live ? pendingChanges.shipped(spec, deploy.environment(), before, deployed.commit()).orElse(null) : null;
        Rollout rollout = new Rollout(deploy.service(), deploy.environment(), deploy.source(), deploy.version(),
                deploy.commit(), live, waited, shipped);
        ParityReport report = new ParityReport(UUID.randomUUID().toString(), Trigger.WEBHOOK, startedAt,
                Duration.ofNanos(System.nanoTime() - start).toMillis(), plan.environments(), service.severity(),
                List.of(service), List.of(), tracked.error());
        // Nothing a service reported goes into the log line: a version could carry a line break.
        LOG.infof("Deploy of %s to %s (%s, %d event%s): %s after %s — %s", deploy.service(), deploy.environment(),
                deploy.source(), deploy.events(), deploy.events() == 1 ? "" : "s",
                live ? "live" : "not rolled out", Durations.human(waited), service.status().label());
        return report.withNotifications(notifications.announce(report, rollout));
    }

    /** The commit decides when both sides have one (7-character ids match full ones); else the version. */
    static boolean rolledOut(EnvironmentReport r, PendingDeploy d) {
        if (d.commit() != null && r.commit() != null) {
            return Commits.same(d.commit(), r.commit());
        }
        return d.version() != null && r.version() != null && VersionOrder.compare(d.version(), r.version()) == VersionOrder.Relation.SAME;
    }
}
