package dev.envparity.scm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.envparity.compare.Commits;
import dev.envparity.config.Repository;
import dev.envparity.config.ServiceSpec;
import dev.envparity.report.Durations;
import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Pending;
import dev.envparity.state.CompareCache;
import dev.envparity.state.CompareCache.Answer;
import dev.envparity.state.CompareCache.Key;

/**
 * What waits between environments, from the code hosts: for every service with a {@code repository}, each adjacent
 * pair of environments whose commits (git object ids) differ is compared with base = the downstream commit and head = the upstream one.
 * A comparison of two commits never changes, so each is asked once and then read from the {@link CompareCache}; the
 * same comparison needed by several services (a monorepo) is asked once per run. The calls of a run go out a few at a
 * time, as GitHub asks of integrators, and all end within {@code parity.scm.timeout}: what is not answered by then, or
 * fails, becomes the pair's {@code error} — the check never fails or waits longer because of a code host.
 */
@ApplicationScoped
public class PendingChanges {
    private static final Logger LOG = Logger.getLogger(PendingChanges.class);
    /** "Make requests for a single user or client ID serially" (GitHub's best practices); a few, for a first run. */
    static final int CONCURRENT_CALLS = 4;

    private final CodeHosts hosts;
    private final CompareCache cache;

    @Inject
    public PendingChanges(CodeHosts hosts, CompareCache cache) {
        this.hosts = hosts;
        this.cache = cache;
    }

    private record Pair(String service, String up, String down, Repository repository, Key key) {
    }

    private record Outcome(Answer answer, String error) {
    }

    /**
     * @param results per service, what each environment answered, in promotion order
     * @return per service with a repository and differing commits: each such pair's comparison, upstream pairs first
     */
    public Map<String, List<Pending>> lookUp(List<ServiceSpec> services, Map<String, Map<String, EnvironmentReport>> results) {
        List<Pair> pairs = new ArrayList<>();
        for (ServiceSpec spec : services) {
            Map<String, EnvironmentReport> envs = results.get(spec.name());
            if (spec.repository() == null || envs == null) {
                continue;
            }
            List<String> names = List.copyOf(envs.keySet());
            for (int i = 0; i + 1 < names.size(); i++) {
                String up = names.get(i);
                String down = names.get(i + 1);
                String head = envs.get(up).commit();
                String base = envs.get(down).commit();
                if (Commits.isObjectId(head) && Commits.isObjectId(base) && !Commits.same(head, base)) {
                    pairs.add(new Pair(spec.name(), up, down, spec.repository(), new Key(spec.repository().id(), base, head)));
                }
            }
        }
        Map<Key, Outcome> outcomes = outcomes(pairs);
        Map<String, List<Pending>> pending = new TreeMap<>();
        for (Pair p : pairs) {
            Outcome o = outcomes.get(p.key());
            pending.computeIfAbsent(p.service(), s -> new ArrayList<>())
                    .add(o.answer() != null ? o.answer().between(p.up(), p.down()) : Pending.failed(p.up(), p.down(), o.error()));
        }
        return pending;
    }

    /**
     * What a deploy shipped to {@code environment}: the commits {@code after} has that {@code before} lacks.
     *
     * @return empty without a repository, or when the commits are the same
     */
    public Optional<Pending> shipped(ServiceSpec spec, String environment, String before, String after) {
        if (spec.repository() == null || !Commits.isObjectId(before) || !Commits.isObjectId(after)
                || Commits.same(before, after)) {
            return Optional.empty();
        }
        Pair pair = new Pair(spec.name(), environment, environment, spec.repository(),
                new Key(spec.repository().id(), before, after));
        Outcome o = outcomes(List.of(pair)).get(pair.key());
        return Optional.of(o.answer() != null ? o.answer().between(environment, environment)
                : Pending.failed(environment, environment, o.error()));
    }

    private Map<Key, Outcome> outcomes(List<Pair> pairs) {
        Map<Key, Outcome> outcomes = new LinkedHashMap<>();
        Map<Key, Repository> asked = new LinkedHashMap<>();
        for (Pair p : pairs) {
            if (!outcomes.containsKey(p.key()) && !asked.containsKey(p.key())) {
                Optional<Answer> known = cached(p.key());
                if (known.isPresent()) {
                    outcomes.put(p.key(), new Outcome(known.get(), null));
                } else {
                    asked.put(p.key(), p.repository());
                }
            }
        }
        if (!asked.isEmpty()) {
            outcomes.putAll(ask(asked));
        }
        return outcomes;
    }

    /** Every comparison not known yet, a few at a time, all within the timeout. */
    private Map<Key, Outcome> ask(Map<Key, Repository> asked) {
        List<Key> keys = List.copyOf(asked.keySet());
        long deadline = System.nanoTime() + hosts.plan().timeout().toNanos();
        List<Callable<Answer>> calls = keys.stream().<Callable<Answer>>map(k -> () -> {
            Repository r = asked.get(k);
            // A thread freed by a call that timed out must not start another once the run's time is up.
            if (System.nanoTime() - deadline >= 0) {
                throw new ScmException(r.host().label + " did not answer within " + Durations.human(hosts.plan().timeout()));
            }
            return hosts.host(r.host()).compare(r.path(), k.base(), k.head());
        }).toList();
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(CONCURRENT_CALLS, keys.size()), r -> {
            Thread t = new Thread(r, "scm-compare");
            t.setDaemon(true);
            return t;
        });
        Map<Key, Outcome> outcomes = new LinkedHashMap<>();
        try {
            List<Future<Answer>> futures = threads.invokeAll(calls, hosts.plan().timeout().toNanos(), TimeUnit.NANOSECONDS);
            for (int i = 0; i < keys.size(); i++) {
                outcomes.put(keys.get(i), outcome(futures.get(i), asked.get(keys.get(i))));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            keys.forEach(k -> outcomes.put(k, new Outcome(null, "the check was interrupted")));
        } finally {
            threads.shutdownNow();
        }
        outcomes.forEach((k, o) -> {
            if (o.answer() != null) {
                remember(k, o.answer());
            } else {
                LOG.warnf("Cannot compare %s in %s: %s", k.base() + "..." + k.head(), k.repository(), o.error());
            }
        });
        return outcomes;
    }

    private Outcome outcome(Future<Answer> future, Repository repository) {
        try {
            return new Outcome(future.get(), null);
        } catch (CancellationException e) {
            return new Outcome(null, repository.host().label + " did not answer within "
                    + Durations.human(hosts.plan().timeout()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Outcome(null, cause instanceof ScmException ? cause.getMessage()
                    : "could not compare on " + repository.host().label + " (" + cause.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "the check was interrupted");
        }
    }

    /** A cache that cannot be read is a miss. */
    private Optional<Answer> cached(Key key) {
        try {
            return cache.compared(key);
        } catch (RuntimeException e) {
            LOG.warnf("The comparison cache cannot be read (%s); asking the code host", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private void remember(Key key, Answer answer) {
        try {
            cache.remember(key, answer);
        } catch (RuntimeException e) {
            LOG.warnf("The comparison cache cannot be written (%s); asking again next run", e.getClass().getSimpleName());
        }
    }
}
