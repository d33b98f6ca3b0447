package dev.envparity.compare;

import java.util.List;
import java.util.Set;

import dev.envparity.report.Finding;
import dev.envparity.report.Finding.Kind;

/**
 * Whether two adjacent environments run different builds, as the comparison of their versions found. Runtime,
 * schema, certificate and header differences are judged by it: on the same build a difference is what it is; while
 * the builds differ it may well arrive with the promotion, so it travels with the version finding, under its status,
 * as information, and never turns a pending promotion into a failed CI gate.
 */
final class DifferentBuilds {
    private static final Set<Kind> KINDS = Set.of(Kind.VERSION_DRIFT, Kind.DOWNSTREAM_AHEAD, Kind.DIVERGED);

    private DifferentBuilds() {
    }

    /** The finding that says the two run different builds, or null when they run the same one (or it is unknown). */
    static Finding among(List<Finding> versionFindings) {
        return versionFindings.stream().filter(f -> KINDS.contains(f.kind())).findFirst().orElse(null);
    }
}
