package dev.envparity.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.envparity.state.ServiceHistory;
import dev.envparity.state.ServiceHistory.Environment;
import dev.envparity.state.ServiceHistory.Kind;
import dev.envparity.state.ServiceHistory.Transition;

/**
 * One service's history as periods over a window of time, per environment: which version ran from when to when, and
 * when it was not healthy. Before the first thing the history knows of an environment, nothing is drawn. Pure.
 */
final class Timeline {
    private Timeline() {
    }

    /**
     * @param value the version, or the health
     */
    record Period(Instant from, Instant to, String value) {
        Duration length() {
            return Duration.between(from, to);
        }
    }

    /** Versions in the window, oldest first. */
    static List<Period> versions(ServiceHistory h, String environment, Instant from, Instant to) {
        Environment now = h.environments().get(environment);
        return periods(changes(h, environment, Kind.VERSION, now == null ? null : now.versionSince(),
                now == null ? null : now.version()), from, to);
    }

    /** Times the environment was not UP (DOWN, DEGRADED, UNKNOWN, UNREACHABLE), oldest first. */
    static List<Period> incidents(ServiceHistory h, String environment, Instant from, Instant to) {
        Environment now = h.environments().get(environment);
        return periods(changes(h, environment, Kind.HEALTH, now == null ? null : now.healthSince(),
                now == null ? null : now.health()), from, to).stream().filter(p -> !p.value().equals("UP")).toList();
    }

    /**
     * The transitions of one kind, with the current state added where retention dropped the transition that began it.
     */
    private static List<Transition> changes(ServiceHistory h, String environment, Kind kind, Instant currentSince,
            String current) {
        List<Transition> changes = new ArrayList<>(h.transitions().stream()
                .filter(t -> t.kind() == kind && environment.equals(t.environment())).toList());
        boolean covered = changes.stream().anyMatch(t -> t.at().equals(currentSince) && t.value().equals(current));
        if (currentSince != null && current != null && !covered
                && (changes.isEmpty() || changes.get(changes.size() - 1).at().isBefore(currentSince))) {
            changes.add(new Transition(currentSince, kind, environment, current, null, false));
        }
        changes.sort(Comparator.comparing(Transition::at));
        return changes;
    }

    private static List<Period> periods(List<Transition> changes, Instant from, Instant to) {
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Instant start = changes.get(i).at();
            Instant end = i + 1 < changes.size() ? changes.get(i + 1).at() : to;
            Instant a = start.isBefore(from) ? from : start;
            Instant b = end.isAfter(to) ? to : end;
            if (a.isBefore(b)) {
                periods.add(new Period(a, b, changes.get(i).value()));
            }
        }
        return periods;
    }

    /**
     * A colour per version, the same in every environment, so that a version moving down the promotion order is seen
     * as one colour moving from row to row; in order of first appearance, {@code palette} colours in turn.
     */
    static Map<String, Integer> colours(List<List<Period>> rows, int palette) {
        List<Period> all = new ArrayList<>();
        rows.forEach(all::addAll);
        all.sort(Comparator.comparing(Period::from));
        Map<String, Integer> colours = new LinkedHashMap<>();
        for (Period p : all) {
            colours.putIfAbsent(p.value(), colours.size() % palette);
        }
        return colours;
    }
}
