package dev.envparity.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The database migrations one environment reports (Spring Boot's Flyway or Liquibase actuator endpoint).
 *
 * @param tool "flyway" or "liquibase"
 * @param url the endpoint that was read
 * @param latest the most recently applied migration ("V42 add tax column"), or null when none is applied
 * @param applied how many migrations are applied
 * @param pending how many the service knows but has not applied (Flyway's PENDING; Liquibase lists applied ones only)
 * @param failed the migrations recorded as failed
 * @param error why the endpoint could not be read, or null
 * @param migrations every migration, in the order the endpoint lists them: what the comparison reads, left out of the
 *        JSON report, which a history of thousands would swell
 */
@RegisterForReflection
public record SchemaReport(String tool, String url, String latest, int applied, int pending, List<String> failed,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error, @JsonIgnore List<Migration> migrations) {

    public SchemaReport {
        failed = List.copyOf(failed);
        migrations = migrations == null ? null : List.copyOf(migrations);
    }

    public static SchemaReport failed(String tool, String url, String error) {
        return new SchemaReport(tool, url, null, 0, 0, List.of(), error, List.of());
    }

    public boolean readable() {
        return error == null;
    }

    /**
     * One migration.
     *
     * @param key what identifies it across environments: "V42" (a Flyway version), "R views" (a repeatable migration,
     *        by its description), or Liquibase's changelog, id and author
     * @param label how people know it: "V42 add tax column", "changeset 42-add-tax-column by alice"
     * @param checksum as reported, or null (a baseline has none)
     * @param applied applied to this environment's database
     * @param failed recorded as failed
     * @param versioned whether a different checksum under the same key means someone edited it (a Flyway versioned
     *        migration, a Liquibase changeset); a repeatable migration is meant to change and run again
     */
    @RegisterForReflection
    public record Migration(String key, String label, String checksum, boolean applied, boolean failed, boolean versioned) {
        /** The same migration, known by the bean (the database) it belongs to: "auditFlyway: V3 add index". */
        public Migration inBean(String bean) {
            return new Migration(bean + "/" + key, bean + ": " + label, checksum, applied, failed, versioned);
        }
    }
}
