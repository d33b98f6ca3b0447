package dev.envparity.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.envparity.report.EnvironmentReport;
import dev.envparity.report.Finding;
import dev.envparity.report.Finding.Kind;
import dev.envparity.report.SchemaReport;
import dev.envparity.report.SchemaReport.Migration;
import dev.envparity.report.Severity;
import dev.envparity.report.Status;

/**
 * Database schema parity from Spring Boot's Flyway and Liquibase endpoints. Each environment on its own: a failed
 * migration (critical), an endpoint that could not be read (warning: the schema is unknown, never assumed in step).
 * Each adjacent pair: migrations applied upstream but not downstream (a warning once the versions match, information
 * while the version is still on its way), and one migration applied with different checksums (critical: someone
 * edited a migration that had already run).
 */
final class SchemaParity {
    /** Named in a sentence; the rest are counted. */
    private static final int NAMED = 3;

    private SchemaParity() {
    }

    static List<Finding> alone(String env, EnvironmentReport r) {
        SchemaReport s = r.schema();
        if (s == null || r.error() != null) {
            return List.of();
        }
        if (!s.readable()) {
            return List.of(new Finding(Kind.SCHEMA_UNKNOWN, Severity.WARNING, Status.UNHEALTHY, List.of(env), env + "'s "
                    + s.tool() + " endpoint could not be read (" + s.error() + "): its migrations are not compared"));
        }
        if (!s.failed().isEmpty()) {
            return List.of(new Finding(Kind.SCHEMA_FAILED, Severity.CRITICAL, Status.UNHEALTHY, List.of(env), env + " has "
                    + (s.failed().size() == 1 ? "a failed migration: " : s.failed().size() + " failed migrations: ")
                    + named(s.failed())));
        }
        return List.of();
    }

    /** @param versionFindings what the comparison of their versions found */
    static List<Finding> pair(String up, EnvironmentReport u, String down, EnvironmentReport d, List<Finding> versionFindings) {
        SchemaReport a = u.schema();
        SchemaReport b = d.schema();
        if (a == null || b == null || !a.readable() || !b.readable() || a.migrations() == null || b.migrations() == null) {
            return List.of();
        }
        Map<String, Migration> upApplied = applied(a);
        Map<String, Migration> downApplied = applied(b);
        List<String> envs = List.of(up, down);
        List<Finding> findings = new ArrayList<>();

        List<String> notDown = upApplied.entrySet().stream().filter(e -> !downApplied.containsKey(e.getKey()))
                .map(e -> e.getValue().label()).toList();
        if (!notDown.isEmpty()) {
            String which = (notDown.size() == 1 ? "migration " : "migrations ") + named(notDown);
            String verb = notDown.size() == 1 ? " is" : " are";
            Finding differentBuilds = DifferentBuilds.among(versionFindings);
            if (differentBuilds == null) {
                findings.add(new Finding(Kind.SCHEMA_PENDING, Severity.WARNING, Status.MISMATCH, envs, down + " runs "
                        + d.version() + " but " + which + verb + " not applied (" + up + " has " + (notDown.size() == 1 ? "it"
                                : "them") + ")"));
            } else {
                findings.add(new Finding(Kind.SCHEMA_PENDING, Severity.INFO, differentBuilds.status(), envs, which + verb
                        + " applied in " + up + " " + u.version() + " but not yet in " + down + " " + d.version()));
            }
        }

        List<String> edited = new ArrayList<>();
        upApplied.forEach((key, m) -> {
            Migration other = downApplied.get(key);
            if (other != null && m.versioned() && m.checksum() != null && other.checksum() != null
                    && sameAlgorithm(m.checksum(), other.checksum()) && !Objects.equals(m.checksum(), other.checksum())) {
                edited.add(m.label() + " (" + up + " " + m.checksum() + ", " + down + " " + other.checksum() + ")");
            }
        });
        if (!edited.isEmpty()) {
            findings.add(new Finding(Kind.SCHEMA_CHECKSUM, Severity.CRITICAL, Status.MISMATCH, envs, (edited.size() == 1
                    ? "migration " : "migrations ") + named(edited) + (edited.size() == 1 ? " was" : " were")
                    + " applied with different checksums: someone edited a migration after it ran"));
        }
        return findings;
    }

    /**
     * Liquibase prefixes its checksums with their algorithm's version ("8:…", "9:…"); 4.22 changed the algorithm and
     * later releases rewrite stored checksums on update (https://github.com/liquibase/liquibase/issues/4665): an upgrade
     * is not an edit. Flyway's checksums (numbers) carry no prefix.
     */
    private static boolean sameAlgorithm(String a, String b) {
        int i = a.indexOf(':');
        int j = b.indexOf(':');
        return i < 0 && j < 0 || i >= 0 && j >= 0 && a.substring(0, i).equals(b.substring(0, j));
    }

    private static Map<String, Migration> applied(SchemaReport s) {
        Map<String, Migration> applied = new LinkedHashMap<>();
        s.migrations().stream().filter(Migration::applied).forEach(m -> applied.putIfAbsent(m.key(), m));
        return applied;
    }

    /** "V42 add tax column, V43 add index and 12 more". */
    private static String named(List<String> labels) {
        String shown = String.join(", ", labels.subList(0, Math.min(NAMED, labels.size())));
        return labels.size() > NAMED ? shown + " and " + (labels.size() - NAMED) + " more" : shown;
    }
}
