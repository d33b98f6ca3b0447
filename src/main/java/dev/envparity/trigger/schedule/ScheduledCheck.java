package dev.envparity.trigger.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.envparity.ParityService;
import dev.envparity.report.Trigger;
import io.quarkus.scheduler.Scheduled;

/** Server mode's cron ({@code parity.schedule.cron}, "off" disables); an overlapping run is skipped, not stacked. */
@ApplicationScoped
public class ScheduledCheck {

    private final ParityService parity;

    @Inject
    public ScheduledCheck(ParityService parity) {
        this.parity = parity;
    }

    @Scheduled(identity = "parity-check", cron = "{parity.schedule.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        parity.run(Trigger.SCHEDULE);
    }
}
