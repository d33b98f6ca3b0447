package dev.envparity.report;

import java.util.ArrayList;
import java.util.List;

/** The one-sentence verdict every view leads with: chat digests, the dashboard. */
public final class Verdict {
    private Verdict() {
    }

    /**
     * "2 services drift between staging and production", "4 services need attention between staging and
     * production: 1 unreachable, 1 unhealthy, 2 drifting", or "All 5 services are in sync between …".
     *
     * @param problems the status of each service that needs attention
     * @param total all services the sentence is about
     */
    public static String of(List<Status> problems, int total, List<String> environments) {
        String where = environments.size() == 2
                ? "between " + environments.get(0) + " and " + environments.get(1)
                : "across " + String.join(" → ", environments);
        if (problems.isEmpty()) {
            return total == 1 ? "The service is in sync " + where : "All " + total + " services are in sync " + where;
        }
        long unreachable = problems.stream().filter(s -> s == Status.UNREACHABLE).count();
        long unhealthy = problems.stream().filter(s -> s == Status.UNHEALTHY).count();
        long expiring = problems.stream().filter(s -> s == Status.CERTIFICATE_EXPIRING).count();
        long drifting = problems.size() - unreachable - unhealthy - expiring;
        if (drifting == problems.size()) {
            return plural(problems.size(), "service drifts", "services drift") + " " + where;
        }
        List<String> parts = new ArrayList<>();
        if (unreachable > 0) {
            parts.add(unreachable + " unreachable");
        }
        if (unhealthy > 0) {
            parts.add(unhealthy + " unhealthy");
        }
        if (expiring > 0) {
            parts.add(plural(expiring, "certificate expiring", "certificates expiring"));
        }
        if (drifting > 0) {
            parts.add(drifting + " drifting");
        }
        return plural(problems.size(), "service needs", "services need") + " attention " + where + ": "
                + String.join(", ", parts);
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
