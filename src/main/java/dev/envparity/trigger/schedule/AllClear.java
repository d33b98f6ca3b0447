package dev.envparity.trigger.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.envparity.ParityService;
import io.quarkus.scheduler.Scheduled;

/** {@code parity.notify.all-clear} (server mode; "off", the default, disables): the daily "all in sync" message. */
@ApplicationScoped
public class AllClear {

    private final ParityService parity;

    @Inject
    public AllClear(ParityService parity) {
        this.parity = parity;
    }

    @Scheduled(identity = "parity-all-clear", cron = "{parity.notify.all-clear}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void allClear() {
        parity.allClear();
    }
}
