package dev.envparity.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.envparity.config.HistoryPlan;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.ServiceReport;
import dev.envparity.state.HistoryStore;
import dev.envparity.state.ServiceHistory;
import dev.envparity.state.StateStoreException;

/**
 * envparity's memory: each check's results go through the history on their way to the report, which gives every
 * environment its {@code versionSince} (before the comparison, which needs it for promotions that report no build
 * time) and every finding its {@code since} and {@code checks}. Only what changed is written, each service's history
 * on condition that no overlapping run wrote it meanwhile (else it is read again and the check applied again). A
 * history that cannot be read or kept never stops a check: the report then says why, and {@code since} is unknown.
 */
@ApplicationScoped
public class History {
    private static final Logger LOG = Logger.getLogger(History.class);
    /** Overlapping runs rarely touch one service more than twice at once. */
    private static final int MAX_ATTEMPTS = 4;

    private final HistoryStore store;
    private final Duration retention;

    @Inject
    public History(HistoryStore store, HistoryPlan plan) {
        this.store = store;
        this.retention = plan.retention();
    }

    /** The comparison: one service's report from its environments (pure, see EnvironmentComparator). */
    @FunctionalInterface
    public interface Judge {
        ServiceReport judge(String service, Map<String, EnvironmentReport> environments);
    }

    /**
     * @param services in report order
     * @param error why the history could not be read or kept, or null
     */
    public record Tracked(List<ServiceReport> services, String error) {
    }

    /**
     * Judges every service of a check and records what changed.
     *
     * @param counted whether this is a check of every service (a deploy verification checks one, and is not counted)
     */
    public Tracked track(Instant at, Map<String, Map<String, EnvironmentReport>> probed, boolean counted, Judge judge) {
        long check;
        Map<String, ServiceHistory> stored;
        try {
            check = counted ? store.countCheck() : store.checks();
            stored = store.load(probed.keySet());
        } catch (StateStoreException e) {
            return unknown(probed, judge, e);
        }
        Map<String, ServiceReport> reports = new LinkedHashMap<>();
        Map<String, Observation> pending = new LinkedHashMap<>();
        try {
            probed.forEach((name, envs) -> {
                Observation o = new Observation(stored.getOrDefault(name, ServiceHistory.EMPTY), at, check, retention);
                reports.put(name, o.findings(judge.judge(name, o.environments(envs))));
                pending.put(name, o);
            });
        } catch (RuntimeException e) {
            // The stores refuse damaged histories; should one still get through, the check runs without history.
            return unknown(probed, judge, new StateStoreException("the stored history could not be read", e));
        }
        try {
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                List<HistoryStore.Update> updates = new ArrayList<>();
                pending.forEach((name, o) -> {
                    if (o.changed()) {
                        updates.add(new HistoryStore.Update(name, o.before().version(), o.next()));
                    }
                });
                Set<String> lost = updates.isEmpty() ? Set.of() : store.save(updates);
                pending.keySet().retainAll(lost);
                if (!lost.isEmpty() && attempt == MAX_ATTEMPTS) {
                    LOG.warnf("The history of %s kept changing under overlapping runs; this check is not recorded for them", lost);
                    break;
                }
                if (!lost.isEmpty()) {
                    Map<String, ServiceHistory> again = store.load(lost);
                    for (String name : lost) {
                        Observation o = new Observation(again.getOrDefault(name, ServiceHistory.EMPTY), at, check, retention);
                        reports.put(name, o.findings(judge.judge(name, o.environments(probed.get(name)))));
                        pending.put(name, o);
                    }
                }
            }
        } catch (StateStoreException e) {
            return unknown(probed, judge, e);
        }
        return new Tracked(List.copyOf(reports.values()), null);
    }

    /** One service's history, or empty when it has none. */
    public Optional<ServiceHistory> of(String service) {
        return Optional.ofNullable(store.load(Set.of(service)).get(service));
    }

    /** The number of checks counted so far. */
    public long checks() {
        return store.checks();
    }

    public Duration retention() {
        return retention;
    }

    /** The check without its history: judged as it is, with nothing known of since when. */
    private static Tracked unknown(Map<String, Map<String, EnvironmentReport>> probed, Judge judge, StateStoreException e) {
        LOG.warnf("The history could not be kept (%s); this report does not know since when anything is as it is", e.getMessage());
        List<ServiceReport> reports = new ArrayList<>();
        probed.forEach((name, envs) -> reports.add(judge.judge(name, envs)));
        return new Tracked(reports, e.getMessage());
    }
}
