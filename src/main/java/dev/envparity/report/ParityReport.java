package dev.envparity.report;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The immutable result of one run: what every service answered in every environment, and what that means.
 * Its JSON form is a contract (README "JSON report").
 *
 * @param severity the most severe service's severity
 * @param services sorted by name
 * @param notifications what each chat target got from this run
 * @param historyError why the history could not be read or kept this time (then {@code since}, {@code checks} and
 *        {@code versionSince} are unknown); null when it was
 */
@RegisterForReflection
public record ParityReport(String id, Trigger trigger, Instant startedAt, long durationMs, List<String> environments,
        Severity severity, List<ServiceReport> services, List<NotificationResult> notifications, String historyError) {

    public ParityReport(String id, Trigger trigger, Instant startedAt, long durationMs, List<String> environments,
            Severity severity, List<ServiceReport> services, List<NotificationResult> notifications) {
        this(id, trigger, startedAt, durationMs, environments, severity, services, notifications, null);
    }

    public ParityReport withNotifications(List<NotificationResult> results) {
        return new ParityReport(id, trigger, startedAt, durationMs, environments, severity, services, List.copyOf(results),
                historyError);
    }

    /** The same run with its services judged again (findings marked confirmed or not); severity follows them. */
    public ParityReport withServices(List<ServiceReport> judged) {
        Severity s = judged.stream().map(ServiceReport::severity).reduce(Severity.OK, Severity::max);
        return new ParityReport(id, trigger, startedAt, durationMs, environments, s, List.copyOf(judged), notifications,
                historyError);
    }

    /** The run as one chat target sees it. */
    public ParityReport withView(List<String> onlyEnvironments, List<ServiceReport> onlyServices) {
        Severity s = onlyServices.stream().map(ServiceReport::severity).reduce(Severity.OK, Severity::max);
        return new ParityReport(id, trigger, startedAt, durationMs, onlyEnvironments, s, onlyServices, List.of(), historyError);
    }
}
