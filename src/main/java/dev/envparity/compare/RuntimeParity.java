package dev.envparity.compare;

import java.util.ArrayList;
import java.util.List;

import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Finding;
import dev.envparity.report.Finding.Kind;
import dev.envparity.report.Severity;
import dev.envparity.report.Status;

/**
 * Runtime parity between two adjacent environments: the Java, framework and OS each publishes. On the same build a
 * difference is a warning (staging did not test what production runs); while the versions differ it is information
 * that travels with the version finding, under its status, so that it never changes what the service's status says.
 * An aspect one side does not publish is not compared: nothing is known about it.
 */
final class RuntimeParity {
    private RuntimeParity() {
    }

    /** @param versionFindings what the comparison of their versions found */
    static List<Finding> compare(String up, EnvironmentReport u, String down, EnvironmentReport d,
            List<Finding> versionFindings) {
        Finding differentBuilds = DifferentBuilds.among(versionFindings);
        List<Finding> findings = new ArrayList<>();
        u.runtime().forEach((aspect, upstream) -> {
            String downstream = d.runtime().get(aspect);
            if (downstream == null || downstream.equals(upstream)) {
                return;
            }
            List<String> envs = List.of(up, down);
            if (differentBuilds == null) {
                // "production runs Java 17.0.9, staging Java 21.0.5, both on 2.4.0": downstream first, what it runs
                // is what people worry about.
                findings.add(new Finding(Kind.RUNTIME_MISMATCH, Severity.WARNING, Status.MISMATCH, envs,
                        down + " runs " + downstream + ", " + up + " " + upstream + ", both on " + u.version()));
            } else {
                findings.add(new Finding(Kind.RUNTIME_MISMATCH, Severity.INFO, differentBuilds.status(), envs, down + " runs "
                        + downstream + " on " + d.version() + ", " + up + " " + upstream + " on " + u.version()));
            }
        });
        return findings;
    }
}
