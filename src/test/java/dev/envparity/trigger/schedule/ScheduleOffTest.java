package dev.envparity.trigger.schedule;

import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.envparity.testing.DemoProfile;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** DemoProfile sets parity.schedule.cron=off; parity.notify.all-clear and lead-times are off by default. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class ScheduleOffTest {

    @Inject
    Scheduler scheduler;

    @Test
    void offMeansNoJob() {
        assertNull(scheduler.getScheduledJob("parity-check"));
        assertNull(scheduler.getScheduledJob("parity-all-clear"), "no all-clear unless asked for");
        assertNull(scheduler.getScheduledJob("parity-lead-times"), "no lead-time message unless asked for");
    }
}
