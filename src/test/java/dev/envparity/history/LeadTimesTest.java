package dev.envparity.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envparity.state.ServiceHistory;
import dev.envparity.state.ServiceHistory.Kind;
import dev.envparity.state.ServiceHistory.Transition;

/** Lead times from transitions alone: what counts as a promotion, and the percentiles over them. */
class LeadTimesTest {
    private static final Instant T = Instant.parse("2026-11-02T08:00:00Z");
    private static final List<String> ENVS = List.of("dev", "staging", "production");

    private static Transition seen(Duration after, String env, String version, boolean initial) {
        return new Transition(T.plus(after), Kind.VERSION, env, version, null, initial);
    }

    private static ServiceHistory history(Transition... t) {
        return new ServiceHistory(1, T, Map.of(), Map.of(), List.of(t), null);
    }

    @Test
    void aVersionThatTravelledTheWholeOrderHasALeadTimePerEnvironment() {
        List<LeadTimes.Promotion> p = LeadTimes.promotions(history(
                seen(Duration.ZERO, "dev", "1.0.0", true), seen(Duration.ZERO, "staging", "1.0.0", true),
                seen(Duration.ZERO, "production", "1.0.0", true),
                seen(Duration.ofHours(1), "dev", "1.1.0", false), seen(Duration.ofHours(5), "staging", "1.1.0", false),
                seen(Duration.ofHours(30), "production", "1.1.0", false)), ENVS);
        assertEquals(1, p.size(), "1.0.0 was everywhere before envparity looked: no promotion it could time");
        assertEquals(Map.of("staging", Duration.ofHours(4).toMillis(), "production", Duration.ofHours(29).toMillis()), p.get(0).leadTimeMs());
        assertEquals(Map.of("staging", "4h", "production", "1d 5h"), p.get(0).leadTime());
    }

    @Test
    void aHotfixDeployedDownstreamFirstHasNoLeadTime() {
        List<LeadTimes.Promotion> p = LeadTimes.promotions(history(
                seen(Duration.ofHours(1), "production", "1.1.1", false), seen(Duration.ofHours(3), "dev", "1.1.1", false)), ENVS);
        assertEquals(1, p.size());
        assertEquals(Map.of(), p.get(0).leadTimeMs(), "dev saw it after production: not a promotion in order");
        assertEquals(List.of(new LeadTimes.Summary("staging", 0, null, null, null, null),
                new LeadTimes.Summary("production", 0, null, null, null, null)), LeadTimes.summaries(p, ENVS));
    }

    @Test
    void aVersionThatComesBackKeepsItsFirstSighting() {
        List<LeadTimes.Promotion> p = LeadTimes.promotions(history(
                seen(Duration.ZERO, "dev", "2.0.0", false), seen(Duration.ofHours(2), "production", "2.0.0", false),
                seen(Duration.ofHours(3), "production", "1.9.0", false), seen(Duration.ofHours(9), "production", "2.0.0", false)),
                List.of("dev", "production"));
        assertEquals(Duration.ofHours(2).toMillis(), p.stream().filter(x -> x.version().equals("2.0.0")).findFirst().orElseThrow()
                .leadTimeMs().get("production"), "a rollback and a second rollout do not make it slower");
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> ten = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 100L);
        assertEquals(5, LeadTimes.rank(ten, 0.5));
        assertEquals(9, LeadTimes.rank(ten, 0.9));
        assertEquals(7, LeadTimes.rank(List.of(7L), 0.9));
    }
}
