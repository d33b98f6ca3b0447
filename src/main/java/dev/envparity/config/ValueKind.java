package dev.envparity.config;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;

import io.quarkus.runtime.configuration.DurationConverter;

/**
 * What a configuration value must look like. Each check answers in a sentence that names the expected form and
 * never repeats the value, which may be a secret.
 */
public enum ValueKind {
    TEXT,
    LIST,
    /**
     * A list that switches a check: {@code none} turns it off. An empty one ({@code []}) reaches the configuration as no
     * value at all, which would quietly mean the default, so it is refused.
     */
    SWITCHED_LIST("empty; write none to turn this check off, or list what to check") {
        @Override
        boolean valid(String value) {
            return !value.isBlank();
        }

        @Override
        boolean allowsEmpty() {
            return false;
        }
    },
    DURATION("not a duration; write a number and a unit, e.g. 30s, 5m or 72h") {
        @Override
        boolean valid(String value) {
            try {
                return DurationConverter.parseDuration(value) != null;
            } catch (RuntimeException e) {
                return false;
            }
        }
    },
    INT("not a whole number") {
        @Override
        boolean valid(String value) {
            try {
                Integer.parseInt(value.trim());
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    },
    LONG("not a whole number") {
        @Override
        boolean valid(String value) {
            try {
                Long.parseLong(value.trim());
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    },
    BOOLEAN("must be true or false") {
        @Override
        boolean valid(String value) {
            return TRUE.contains(value.trim().toLowerCase(Locale.ROOT)) || FALSE.contains(value.trim().toLowerCase(Locale.ROOT));
        }

        @Override
        String normalize(String value) {
            return String.valueOf(TRUE.contains(value.trim().toLowerCase(Locale.ROOT)));
        }
    },
    INSTANT("not a date and time; write it in ISO-8601 UTC, e.g. 2026-12-01T08:00:00Z") {
        @Override
        boolean valid(String value) {
            try {
                Instant.parse(value.trim());
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    },
    /** What quarkus-scheduler accepts: a Quartz cron expression (seconds first), or off / disabled. */
    CRON("not a cron expression; write a Quartz cron with seconds first, e.g. \"0 */15 * * * ?\", or off") {
        @Override
        boolean valid(String value) {
            String cron = value.trim();
            if (cron.equalsIgnoreCase("off") || cron.equalsIgnoreCase("disabled")) {
                return true;
            }
            try {
                QUARTZ.parse(cron).validate();
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
    },
    /**
     * A Standard Webhooks signing secret: {@code whsec_} and base64, or any other text used as it is
     * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#signature-scheme).
     */
    WEBHOOK_SECRET("not valid base64 after whsec_ (the value is a secret and is not shown)") {
        @Override
        boolean valid(String value) {
            if (!value.startsWith("whsec_")) {
                return true;
            }
            try {
                return Base64.getDecoder().decode(value.substring("whsec_".length())).length > 0;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    };

    private static final Set<String> TRUE = Set.of("true", "yes", "on", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "off", "0");
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final String expected;

    ValueKind() {
        this(null);
    }

    ValueKind(String expected) {
        this.expected = expected;
    }

    boolean valid(String value) {
        return true;
    }

    /** Whether an empty value is fine (it means the key's default). */
    boolean allowsEmpty() {
        return true;
    }

    /** The value in the one form the mapping reads (booleans are true or false). */
    String normalize(String value) {
        return value;
    }

    /**
     * A valid value of this kind, handed to the mapping in place of an invalid one so that it does not stop at the
     * first problem (and never prints the value); start-up then fails with every problem. Null: text, used as it is.
     */
    String standIn() {
        return switch (this) {
            case DURATION -> "1s";
            case INT, LONG -> "1";
            case BOOLEAN -> "false";
            case INSTANT -> "1970-01-01T00:00:00Z";
            case CRON -> "off";
            default -> null;
        };
    }

    /** @return what is wrong with the value, without the value; empty when it is fine */
    public Optional<String> problem(String value) {
        if (value == null || value.isEmpty()) {
            return allowsEmpty() || value == null ? Optional.empty() : Optional.of(expected);
        }
        return valid(value) ? Optional.empty() : Optional.of(expected);
    }
}
