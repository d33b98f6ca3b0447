package dev.envparity.trigger.schedule;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.envparity.ParityService;
import dev.envparity.report.Trigger;
import dev.envparity.testing.DemoProfile;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DemoProfile.EverySecond.class)
class ScheduledCheckTest {

    @Inject
    ParityService parity;

    @Inject
    Scheduler scheduler;

    @Test
    void theCronRunsChecks() {
        assertNotNull(scheduler.getScheduledJob("parity-check"));
        assertNotNull(scheduler.getScheduledJob("parity-all-clear"), "parity.notify.all-clear is set");
        assertNotNull(scheduler.getScheduledJob("parity-lead-times"), "parity.notify.lead-times is set");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> parity.latest().map(r -> r.trigger() == Trigger.SCHEDULE).orElse(false));
    }
}
