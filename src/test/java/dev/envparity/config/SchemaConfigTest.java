package dev.envparity.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envparity.config.ServiceChecks.SchemaSource;
import dev.envparity.config.ServiceChecks.SchemaTool;
import dev.envparity.testing.TestPlans;

/** parity.services.x.schema and schema-path: Spring Boot's endpoints by default, a path of one's own, mistakes. */
class SchemaConfigTest {

    private static SchemaSource schema(Map<String, String> p) {
        return TestPlans.plans(p).check().services().get(0).checks().schema();
    }

    private static List<String> problems(Map<String, String> p) {
        return assertThrows(InvalidConfigException.class, () -> TestPlans.plans(p)).problems();
    }

    @Test
    void offUntilAskedForThenSpringBootsEndpoints() {
        assertNull(schema(Map.of()));
        assertEquals(new SchemaSource(SchemaTool.FLYWAY, "/actuator/flyway"), schema(Map.of("parity.services.app.schema", "flyway")));
        assertEquals(new SchemaSource(SchemaTool.LIQUIBASE, "/manage/liquibase"), schema(Map.of("parity.services.app.schema",
                "Liquibase", "parity.services.app.schema-path", "/manage/liquibase")));
        assertEquals(new SchemaSource(SchemaTool.FLYWAY, "/q/flyway"), schema(Map.of("parity.services.app.preset", "quarkus",
                "parity.services.app.schema", "flyway", "parity.services.app.schema-path", "/q/flyway")));
    }

    @Test
    void mistakesNameTheKey() {
        assertEquals(List.of("parity.services.app.schema: unknown; use flyway or liquibase"),
                problems(Map.of("parity.services.app.schema", "alembic")));
        assertEquals(List.of("parity.services.app.schema-path: set, but schema is not; add schema: flyway or schema: liquibase"),
                problems(Map.of("parity.services.app.schema-path", "/actuator/flyway")));
        assertEquals(List.of("parity.services.app.schema-path: missing; the quarkus preset has no flyway endpoint, so give the "
                + "path of one shaped like Spring Boot's /actuator/flyway"), problems(Map.of("parity.services.app.preset", "quarkus",
                        "parity.services.app.schema", "flyway")));
        assertEquals(List.of("parity.services.app.schema-path: must start with '/'"), problems(Map.of("parity.services.app.schema",
                "flyway", "parity.services.app.schema-path", "actuator/flyway")));
        // Accepted at start-up, it would have made every probe of every service fail to build its URL.
        for (String broken : List.of("/actuator/fly way", "/%zz", "/a|b")) {
            assertEquals(List.of("parity.services.app.schema-path: not a valid URL path; escape spaces and special characters (%20)"),
                    problems(Map.of("parity.services.app.schema", "flyway", "parity.services.app.schema-path", broken)), broken);
        }
    }
}
