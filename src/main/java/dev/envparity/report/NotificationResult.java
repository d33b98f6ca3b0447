package dev.envparity.report;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What became of one chat target in a run.
 *
 * @param detail why it was skipped or failed (never the URL), or the number of attempts
 */
@RegisterForReflection
public record NotificationResult(String target, String type, Outcome outcome, String detail) {

    @RegisterForReflection
    public enum Outcome {
        /** Posted and acknowledged (2xx). */
        DELIVERED,
        /** Nothing to say under the target's policy and filters. */
        SKIPPED,
        /** An overlapping run already claimed this change. */
        CLAIMED_ELSEWHERE,
        /** Gave up: see detail. */
        FAILED;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
