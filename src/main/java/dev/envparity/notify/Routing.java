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
                .filter(s -> target.services().isEmpty() || target.services().contains(s.name()))
                .filter(s -> !muted.contains(s.name()))
                .map(s -> target.environments().isEmpty() ? s : s.onlyAbout(target.environments()))
                .toList();
    }
}
