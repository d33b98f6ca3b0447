package dev.envparity.trigger.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.envparity.ParityService;
import io.quarkus.scheduler.Scheduled;

/** {@code parity.notify.lead-times} (server mode; "off", the default, disables): e.g. weekly, how fast releases travel. */
@ApplicationScoped
public class LeadTimesMessage {

    private final ParityService parity;

    @Inject
    public LeadTimesMessage(ParityService parity) {
        this.parity = parity;
    }

    @Scheduled(identity = "parity-lead-times", cron = "{parity.notify.lead-times}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void leadTimes() {
        parity.leadTimes();
    }
}
