package dev.envparity.report;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What started a run. */
@RegisterForReflection
public enum Trigger {
    SCHEDULE, WEBHOOK, API, CLI;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
