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
        /**
         * Sent in full, but no answer said whether it was posted (a timeout, a lost connection, a gateway's 504):
         * counted as told, so it is not posted again.
         */
        UNKNOWN,
        /** Gave up: see detail. */
        FAILED;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
