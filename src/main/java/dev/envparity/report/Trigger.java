package dev.envparity.report;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What started a run. */
public enum Trigger {
    SCHEDULE, WEBHOOK, API, CLI;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
