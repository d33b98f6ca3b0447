package dev.envparity.trigger.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.envparity.ParityService;
import dev.envparity.testing.DemoProfile;
import dev.envparity.testing.Fixtures;
import dev.envparity.testing.LambdaEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestProfile(DemoProfile.class)
class LambdaHandlerTest {

    @Inject
    ParityService parity;

    @Test
    void scheduledRuleEventRunsACheck() {
        JsonPath report = LambdaEvents.invoke(Fixtures.read("../events/eventbridge-scheduled-rule.json"));
        assertEquals("schedule", report.getString("trigger"));
        assertEquals(List.of("checkout", "inventory", "ledger", "payments", "search"), report.getList("services.name"));
    }

    @Test
    void directInvokeReturnsTheReport() {
        JsonPath report = LambdaEvents.invoke("{\"action\":\"check\"}");
        assertNotNull(report.getString("id"));
        assertEquals("api", report.getString("trigger"));
        assertEquals("critical", report.getString("severity"));
    }

    @Test
    void unknownEventsAreRefusedWithoutACheck() {
        String before = parity.latest().map(r -> r.id()).orElse("none");
        String error = LambdaEvents.invoke("{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}").getString("error");
        assertTrue(error.startsWith("unsupported event"), error);
        assertEquals(before, parity.latest().map(r -> r.id()).orElse("none"));
    }
}
