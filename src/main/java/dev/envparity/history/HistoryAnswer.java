package dev.envparity.history;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.envparity.state.ServiceHistory;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code GET /api/history/<service>}: what envparity remembers of one service, as JSON (README "History"): what each
 * environment runs and since when, the open findings, every transition within the retention period (oldest first),
 * the last ten promotions and the lead times over all of them.
 *
 * @param environments per environment, in promotion order: what it ran at the last check and since when
 * @param promotions the last ten versions that reached the last environment, latest first
 * @param leadTimes per downstream environment: median and 90th percentile over the retention period
 */
@RegisterForReflection
public record HistoryAnswer(String service, List<String> promotionOrder, long retentionDays, long checks,
        Map<String, ServiceHistory.Environment> environments, List<OpenFinding> findings, List<Change> transitions,
        List<LeadTimes.Promotion> promotions, List<LeadTimes.Summary> leadTimes) {

    private static final int LAST_PROMOTIONS = 10;

    /** @param checks consecutive checks that have seen it */
    @RegisterForReflection
    public record OpenFinding(String finding, String status, Instant since, long checks) {
    }

    /**
     * @param kind version, health, opened (a finding) or closed (a finding)
     * @param value the version, the health, or the finding
     * @param initial seen at the first check of the environment: it was there before envparity began to record
     */
    @RegisterForReflection
    public record Change(Instant at, String kind, String environment, String value, String commit, boolean initial) {
    }

    public static HistoryAnswer of(String service, ServiceHistory h, List<String> environments, long checks,
            Duration retention) {
        Map<String, ServiceHistory.Environment> now = new LinkedHashMap<>();
        environments.forEach(e -> {
            if (h.environments().containsKey(e)) {
                now.put(e, h.environments().get(e));
            }
        });
        List<OpenFinding> open = h.findings().entrySet().stream()
                .map(e -> new OpenFinding(e.getKey(), e.getValue().status(), e.getValue().since(),
                        Math.max(1, checks - e.getValue().sinceCheck() + 1)))
                .sorted((a, b) -> a.since().compareTo(b.since())).toList();
        List<Change> changes = h.transitions().stream().map(t -> new Change(t.at(), t.kind().name().toLowerCase(Locale.ROOT),
                t.environment(), t.value(), t.commit(), t.initial())).toList();
        List<LeadTimes.Promotion> promotions = LeadTimes.promotions(h, environments);
        return new HistoryAnswer(service, environments, retention.toDays(), checks, now, open, changes,
                promotions.stream().limit(LAST_PROMOTIONS).toList(), LeadTimes.summaries(promotions, environments));
    }
}
