package dev.envparity.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envparity.config.ServiceChecks.RuntimeField;
import dev.envparity.testing.TestPlans;

/** parity.runtime and parity.services.x.runtime: defaults per preset, overrides, none, and every mistake named. */
class RuntimeConfigTest {

    private static Map<String, String> config(String... pairs) {
        Map<String, String> p = new HashMap<>(Map.of("parity.environments", "staging,production",
                "parity.services.boot.urls.staging", "http://127.0.0.1:1", "parity.services.boot.urls.production",
                "http://127.0.0.1:2", "parity.services.quark.preset", "quarkus", "parity.services.quark.urls.staging",
                "http://127.0.0.1:3", "parity.services.quark.urls.production", "http://127.0.0.1:4"));
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    private static List<String> aspects(CheckPlan plan, String service) {
        return plan.service(service).orElseThrow().checks().runtime().stream().map(RuntimeField::aspect).toList();
    }

    private static List<String> problems(String... pairs) {
        return assertThrows(InvalidConfigException.class, () -> TestPlans.plans(config(pairs))).problems();
    }

    @Test
    void javaAndFrameworkByDefaultWhereThePresetPublishesThem() {
        CheckPlan plan = TestPlans.plans(config()).check();
        // Spring Boot publishes no version of its own: Java only.
        assertEquals(List.of("java"), aspects(plan, "boot"));
        assertEquals(List.of("java", "framework"), aspects(plan, "quark"));
        RuntimeField java = plan.service("quark").orElseThrow().checks().runtime().get(0);
        assertEquals(List.of("/java/version"), java.values());
        assertEquals(List.of("/java/vendor"), java.details());
    }

    @Test
    void theOsOnRequestAndNoneTurnsItOff() {
        CheckPlan plan = TestPlans.plans(config("parity.runtime", "java,framework,os", "parity.services.boot.runtime",
                "none")).check();
        assertEquals(List.of(), aspects(plan, "boot"));
        assertEquals(List.of("java", "framework", "os"), aspects(plan, "quark"));
        assertEquals(List.of(), aspects(TestPlans.plans(config("parity.runtime", "none")).check(), "quark"));
    }

    @Test
    void presetsWithoutRuntimeFieldsCompareNothing() {
        CheckPlan plan = TestPlans.plans(config("parity.services.boot.preset", "dockerflow")).check();
        assertEquals(List.of(), aspects(plan, "boot"));
    }

    @Test
    void mistakesNameTheKey() {
        assertEquals(List.of("parity.runtime[1]: unknown runtime aspect; use java, framework, os or none"),
                problems("parity.runtime", "java,jvm"));
        assertEquals(List.of("parity.services.quark.runtime: none turns runtime parity off and stands alone; "
                + "remove it or the other entries"), problems("parity.services.quark.runtime", "none,java"));
        // An empty list would quietly mean the default.
        assertEquals(List.of("parity.services.boot.runtime: empty; write none to turn this check off, or list what to check"),
                problems("parity.services.boot.runtime", ""));
    }
}
