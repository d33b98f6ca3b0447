package dev.envparity.config;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * When checks are expected: {@code parity.schedule.cron} (Quartz, in the JVM's time zone, as quarkus-scheduler reads it
 * when {@code @Scheduled} names no time zone), or none when
 * it is off. The server runs it; on AWS, EventBridge Scheduler runs the checks, and this tells the dashboard how often
 * to expect them (the CDK stack's default, every 15 minutes, matches the default cron).
 */
public final class SchedulePlan {
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final Optional<ExecutionTime> times;

    private SchedulePlan(Optional<ExecutionTime> times) {
        this.times = times;
    }

    /** The cron was checked with the rest of the settings ({@link ValueKind#CRON}); "off" means no schedule. */
    static SchedulePlan resolve(ParityConfig.Schedule schedule) {
        String cron = schedule.cron().trim();
        if (cron.equalsIgnoreCase("off") || cron.equalsIgnoreCase("disabled")) {
            return new SchedulePlan(Optional.empty());
        }
        try {
            Cron parsed = QUARTZ.parse(cron);
            return new SchedulePlan(Optional.of(ExecutionTime.forCron(parsed)));
        } catch (IllegalArgumentException unreadable) {
            return new SchedulePlan(Optional.empty()); // already reported as a configuration problem
        }
    }

    /** The first scheduled check after {@code after}; empty without a schedule. */
    public Optional<Instant> next(Instant after) {
        return times.flatMap(t -> t.nextExecution(ZonedDateTime.ofInstant(after, ZoneId.systemDefault()))).map(ZonedDateTime::toInstant);
    }

    public boolean scheduled() {
        return times.isPresent();
    }
}
