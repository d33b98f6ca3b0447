package dev.envparity.notify;

import java.util.List;

import dev.envparity.report.ParityReport;
import dev.envparity.report.ServiceReport;

/** Which part of a run a target cares about: its services, its environments, nothing muted. */
final class Routing {
    private Routing() {
    }

    static List<ServiceReport> route(ParityReport report, Target target, List<String> muted) {
        return report.services().stream()
                .filter(s -> follows(target, s.name()))
                .filter(s -> !muted.contains(s.name()))
                .map(s -> only(target, s))
                .toList();
    }

    static boolean follows(Target target, String service) {
        return target.services().isEmpty() || target.services().contains(service);
    }

    /** Whether a deploy of {@code service} to {@code environment} concerns the target. */
    static boolean follows(Target target, String service, String environment) {
        return follows(target, service) && (target.environments().isEmpty() || target.environments().contains(environment));
    }

    /** The service with only the findings about the target's environments. */
    static ServiceReport only(Target target, ServiceReport service) {
        return target.environments().isEmpty() ? service : service.onlyAbout(target.environments());
    }

    /** The report's environments that the target follows, in promotion order. */
    static List<String> environments(ParityReport report, Target target) {
        return target.environments().isEmpty() ? report.environments()
                : report.environments().stream().filter(target.environments()::contains).toList();
    }
}
