package dev.envparity;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.envparity.config.CheckPlan;
import dev.envparity.config.HeartbeatPlan;
import dev.envparity.config.HistoryPlan;
import dev.envparity.history.History;
import dev.envparity.notify.ConfirmAfter;
import dev.envparity.notify.Heartbeat;
import dev.envparity.notify.NotifierRegistry;
import dev.envparity.notify.Notifications;
import dev.envparity.notify.NotifyPlan;
import dev.envparity.notify.Target;
import dev.envparity.notify.WebhookSender;
import dev.envparity.notify.slack.SlackNotifier;
import dev.envparity.probe.Prober;
import dev.envparity.report.ParityReport;
import dev.envparity.report.Severity;
import dev.envparity.report.Trigger;
import dev.envparity.state.HistoryStore;
import dev.envparity.state.MemoryStateStore;
import dev.envparity.state.StateHealth;
import dev.envparity.testing.Fleet;
import dev.envparity.testing.MutableClock;
import dev.envparity.testing.StubServer;
import dev.envparity.testing.StubServer.Reply;
import dev.envparity.testing.TestPlans;
import io.vertx.core.Vertx;
import dev.envparity.scm.CodeHosts;
import dev.envparity.scm.PendingChanges;
import dev.envparity.config.ScmPlan;

/**
 * The whole use case as a process runs it — real probes of a {@link Fleet}, the comparator, the history in a given
 * store, Slack digests to a local stub — on a clock the test moves: several consecutive checks, hours apart.
 */
final class Checker implements AutoCloseable {
    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    final MutableClock clock;
    final HistoryStore store;
    final History history;
    final StubServer chat = StubServer.http().on("/hook", Reply.text(200, "ok"));
    final ParityService parity;
    private final Vertx vertx;

    /** The fleet's services name no repository: nothing is asked of a code host. */
    private static final ScmPlan NO_CODE_HOST = new ScmPlan(new ScmPlan.Host(URI.create("https://api.github.com"), Optional.empty()),
            new ScmPlan.Host(URI.create("https://gitlab.com/api/v4"), Optional.empty()), Duration.ofSeconds(10));

    /** @param more configuration over the fleet's services and environments (parity.*) */
    Checker(Vertx vertx, Fleet fleet, List<String> environments, List<String> services, MutableClock clock, HistoryStore store,
            ConfirmAfter confirm, Duration retention, Optional<URI> heartbeat, Map<String, String> more) {
        this.vertx = vertx;
        this.clock = clock;
        this.store = store;
        Map<String, String> p = new HashMap<>();
        p.put("parity.environments", String.join(",", environments));
        services.forEach(s -> p.putAll(fleet.properties(s)));
        p.putAll(more);
        CheckPlan plan = TestPlans.plan(p);
        Target slack = new Target("team-chat", "slack", URI.create(chat.url("/hook")), Severity.INFO, Set.of(), Set.of(),
                Target.Policy.ON_CHANGE, null);
        NotifyPlan notify = new NotifyPlan(Target.Policy.ON_CHANGE, Duration.ofHours(24), Duration.ofSeconds(10), Map.of(),
                List.of(slack), Optional.of(Severity.CRITICAL), confirm);
        Notifications notifications = new Notifications(notify, new NotifierRegistry(List.of(new SlackNotifier())),
                new MemoryStateStore(clock), new WebhookSender(vertx, Duration.ofMillis(20)), JSON, clock, new StateHealth());
        this.history = new History(store, new HistoryPlan(retention));
        HeartbeatPlan beat = new HeartbeatPlan(heartbeat, heartbeat.map(u -> URI.create(u + "/fail")), false,
                Duration.ofSeconds(2));
        this.parity = new ParityService(plan, new Prober(vertx, plan.probe()), clock, history, notifications,
                new Heartbeat(beat, vertx), new PendingChanges(new CodeHosts(NO_CODE_HOST, clock), new MemoryStateStore(clock)));
    }

    /** One check now, then the clock moves on by {@code then}. */
    ParityReport check(Duration then) {
        ParityReport r = parity.run(Trigger.SCHEDULE);
        clock.advance(then);
        return r;
    }

    Instant now() {
        return clock.instant();
    }

    /** What the chat stub received, in order. */
    List<String> posts() {
        return chat.requests("/hook").stream().map(StubServer.Request::body).toList();
    }

    @Override
    public void close() {
        chat.close();
    }

    Vertx vertx() {
        return vertx;
    }
}
