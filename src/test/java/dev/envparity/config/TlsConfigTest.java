package dev.envparity.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.TestPlans;

/** parity.tls and parity.services.x.tls: defaults, overrides, and every mistake named. */
class TlsConfigTest {

    private static List<String> problems(Map<String, String> p) {
        return assertThrows(InvalidConfigException.class, () -> TestPlans.plans(p)).problems();
    }

    @Test
    void onByDefaultWithTwoWeeksAndThreeDays() {
        CheckPlan plan = TestPlans.plans(Map.of()).check();
        assertEquals(TlsRules.DEFAULTS, plan.tls());
        assertTrue(plan.services().get(0).checks().tls());
    }

    @Test
    void thresholdsAndSwitches() {
        CheckPlan plan = TestPlans.plans(Map.of("parity.tls.warn-before", "30d", "parity.tls.critical-before", "7d",
                "parity.tls.compare", "false", "parity.services.app.tls", "false")).check();
        assertEquals(new TlsRules(true, Duration.ofDays(30), Duration.ofDays(7), false), plan.tls());
        assertFalse(plan.services().get(0).checks().tls());
        assertFalse(TestPlans.plans(Map.of("parity.tls.enabled", "false")).check().services().get(0).checks().tls());
    }

    @Test
    void mistakesNameTheKey() {
        assertEquals(List.of("parity.tls.critical-before: must not be longer than parity.tls.warn-before"),
                problems(Map.of("parity.tls.warn-before", "2d")));
        assertEquals(List.of("parity.tls.warn-before: not a duration; write a number and a unit, e.g. 30s, 5m or 72h"),
                problems(Map.of("parity.tls.warn-before", "two weeks", "parity.tls.critical-before", "0s")));
        assertEquals(List.of("parity.services.app.tls: must be true or false"), problems(Map.of("parity.services.app.tls", "nope")));
    }
}
