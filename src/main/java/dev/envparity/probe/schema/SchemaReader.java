package dev.envparity.probe.schema;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.envparity.config.ServiceChecks.SchemaTool;
import dev.envparity.probe.http.Fetched;
import dev.envparity.probe.http.Fetcher;
import dev.envparity.probe.http.ProbeFailure;
import dev.envparity.probe.http.StrictBody;
import dev.envparity.report.SchemaReport;
import dev.envparity.report.SchemaReport.Migration;
import dev.envparity.report.UntrustedText;

/**
 * Reads the migrations of Spring Boot's Flyway and Liquibase actuator endpoints
 * (https://docs.spring.io/spring-boot/api/rest/actuator/flyway.html,
 * https://docs.spring.io/spring-boot/api/rest/actuator/liquibase.html): {@code contexts.<context>.flywayBeans.<bean>
 * .migrations[]} and {@code contexts.<context>.liquibaseBeans.<bean>.changeSets[]}, from every context (an
 * application with a parent context lists both) and every bean. Every value is the service's text: made printable and
 * cut short.
 */
public final class SchemaReader {
    private static final int MAX_TEXT = 120;

    private SchemaReader() {
    }

    /** @throws ProbeFailure when the answer is not a readable document of the tool's shape */
    public static SchemaReport read(SchemaTool tool, Fetched response) {
        if (!response.ok()) {
            throw new ProbeFailure(response.statusLine(), false);
        }
        JsonNode contexts = StrictBody.json(response.body(), tool.id).path("contexts");
        if (!contexts.isObject()) {
            throw new ProbeFailure(tool.id + " document has no contexts", false);
        }
        String beansField = tool == SchemaTool.FLYWAY ? "flywayBeans" : "liquibaseBeans";
        Map<String, JsonNode> beans = new LinkedHashMap<>();
        contexts.forEach(context -> context.path(beansField).fields().forEachRemaining(b -> beans.putIfAbsent(b.getKey(), b.getValue())));
        if (beans.isEmpty()) {
            throw new ProbeFailure(tool.id + " document lists no " + beansField, false);
        }
        List<Migration> migrations = new ArrayList<>();
        // Two databases (two beans) may both have a V1: each migration is known by its bean too. Bean names are the
        // application's, the same in every environment; context ids may not be.
        boolean several = beans.size() > 1;
        beans.forEach((name, bean) -> {
            JsonNode list = bean.path(tool == SchemaTool.FLYWAY ? "migrations" : "changeSets");
            for (Iterator<JsonNode> it = list.elements(); it.hasNext();) {
                Migration m = tool == SchemaTool.FLYWAY ? flyway(it.next()) : liquibase(it.next());
                migrations.add(several ? m.inBean(UntrustedText.excerpt(name, MAX_TEXT)) : m);
            }
        });
        Migration latest = null;
        int applied = 0;
        int pending = 0;
        List<String> failed = new ArrayList<>();
        for (Migration m : migrations) {
            if (m.applied()) {
                applied++;
                latest = m;
            } else if (!m.failed()) {
                pending++;
            }
            if (m.failed()) {
                failed.add(m.label());
            }
        }
        return new SchemaReport(tool.id, Fetcher.display(response.uri()), latest == null ? null : latest.label(), applied, pending,
                failed, null, migrations);
    }

    /** Flyway: a version ("42") or none for a repeatable migration; state SUCCESS, PENDING, FAILED, BASELINE, … */
    private static Migration flyway(JsonNode m) {
        String version = text(m.path("version"));
        String description = text(m.path("description"));
        String state = text(m.path("state"));
        boolean failed = state != null && state.contains("FAILED");
        boolean applied = !failed && (m.hasNonNull("installedOn") || state != null && (state.equals("SUCCESS")
                || state.equals("BASELINE") || state.equals("OUTDATED") || state.equals("SUPERSEDED")));
        String label = (version == null ? "R" : "V" + version) + (description == null ? "" : " " + description);
        String key = version == null ? "R " + description : "V" + version;
        return new Migration(key, label, text(m.path("checksum")), applied, failed, version != null);
    }

    /** Liquibase: every change set listed ran; execType EXECUTED, RERAN, MARK_RAN, SKIPPED or FAILED. */
    private static Migration liquibase(JsonNode m) {
        String id = text(m.path("id"));
        String author = text(m.path("author"));
        String execType = text(m.path("execType"));
        boolean failed = "FAILED".equals(execType);
        String key = text(m.path("changeLog")) + "::" + id + "::" + author;
        return new Migration(key, "changeset " + id + " by " + author, text(m.path("checksum")), !failed && !"SKIPPED"
                .equals(execType), failed, true);
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? UntrustedText.excerpt(node.asText(), MAX_TEXT) : null;
    }
}
