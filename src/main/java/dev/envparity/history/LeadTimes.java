package dev.envparity.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.envparity.report.Durations;
import dev.envparity.state.ServiceHistory;
import dev.envparity.state.ServiceHistory.Kind;
import dev.envparity.state.ServiceHistory.Transition;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How fast releases travel: for each version that reached the last environment, the time from its first sighting in
 * the first environment to its first sighting in each one downstream. Sightings from the first check of an
 * environment do not count: the version was there already, since an unknown time. Pure.
 */
public final class LeadTimes {
    private LeadTimes() {
    }

    /**
     * One version's way along the promotion order.
     *
     * @param reached per environment (upstream first), when the version was first seen there; absent where it was not
     * @param leadTimeMs per downstream environment, the time since the first environment saw it; absent when the first
     *        environment never saw it (a hotfix deployed downstream directly) or saw it only later
     * @param leadTime the same, for people: "2d 4h"
     */
    @RegisterForReflection
    public record Promotion(String version, Map<String, Instant> reached, Map<String, Long> leadTimeMs,
            Map<String, String> leadTime) {
    }

    /**
     * Per downstream environment, over every promotion the history holds (the retention period).
     *
     * @param promotions how many versions reached it with a known lead time
     * @param medianMs null when there were none
     */
    @RegisterForReflection
    public record Summary(String environment, int promotions, Long medianMs, Long p90Ms, String median, String p90) {
    }

    /** Every version that reached the last environment, the latest first. */
    public static List<Promotion> promotions(ServiceHistory history, List<String> environments) {
        Map<String, Map<String, Instant>> firstSeen = new HashMap<>();
        Map<String, Map<String, Boolean>> wasThere = new HashMap<>();
        for (Transition t : history.transitions()) {
            if (t.kind() == Kind.VERSION && environments.contains(t.environment())) {
                Map<String, Instant> seen = firstSeen.computeIfAbsent(t.environment(), e -> new HashMap<>());
                if (!seen.containsKey(t.value())) {
                    seen.put(t.value(), t.at());
                    wasThere.computeIfAbsent(t.environment(), e -> new HashMap<>()).put(t.value(), t.initial());
                }
            }
        }
        String first = environments.get(0);
        String last = environments.get(environments.size() - 1);
        List<Promotion> promotions = new ArrayList<>();
        firstSeen.getOrDefault(last, Map.of()).forEach((version, atLast) -> {
            if (wasThere.get(last).get(version)) {
                return;
            }
            Map<String, Instant> reached = new LinkedHashMap<>();
            Map<String, Long> leadMs = new LinkedHashMap<>();
            Map<String, String> lead = new LinkedHashMap<>();
            Instant start = known(firstSeen, wasThere, first, version);
            for (String env : environments) {
                Instant at = known(firstSeen, wasThere, env, version);
                if (at == null) {
                    continue;
                }
                reached.put(env, at);
                if (start != null && !env.equals(first) && !at.isBefore(start)) {
                    Duration d = Duration.between(start, at);
                    leadMs.put(env, d.toMillis());
                    lead.put(env, Durations.human(d));
                }
            }
            promotions.add(new Promotion(version, reached, leadMs, lead));
        });
        promotions.sort(Comparator.comparing((Promotion p) -> p.reached().get(last)).reversed());
        return promotions;
    }

    /** Median and 90th percentile (nearest rank) per downstream environment. */
    public static List<Summary> summaries(List<Promotion> promotions, List<String> environments) {
        List<Summary> summaries = new ArrayList<>();
        for (String env : environments.subList(1, environments.size())) {
            List<Long> times = promotions.stream().map(p -> p.leadTimeMs().get(env)).filter(t -> t != null).sorted().toList();
            Long median = times.isEmpty() ? null : rank(times, 0.5);
            Long p90 = times.isEmpty() ? null : rank(times, 0.9);
            summaries.add(new Summary(env, times.size(), median, p90, human(median), human(p90)));
        }
        return summaries;
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} of all values at or below it. */
    static long rank(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static Instant known(Map<String, Map<String, Instant>> firstSeen, Map<String, Map<String, Boolean>> wasThere,
            String env, String version) {
        Instant at = firstSeen.getOrDefault(env, Map.of()).get(version);
        return at == null || wasThere.get(env).get(version) ? null : at;
    }

    private static String human(Long ms) {
        return ms == null ? null : Durations.human(Duration.ofMillis(ms));
    }
}
