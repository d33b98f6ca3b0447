package dev.envparity.probe.version;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Build times as services write them: ISO-8601 instants ("2026-11-23T10:15:30Z"), offsets without a colon
 * ("+0000", git-commit-id-plugin's default), local date-times (taken as UTC) and epoch seconds or millis.
 */
final class Timestamps {
    private static final List<DateTimeFormatter> OFFSET_FORMATS = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]Z"));
    /** Before this, a number is taken as seconds (it would be 1973 as millis). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private Timestamps() {
    }

    static Optional<Instant> parse(JsonNode node) {
        if (node.isNumber()) {
            return Optional.of(epoch(node.asLong()));
        }
        if (!node.isTextual()) {
            return Optional.empty();
        }
        String s = node.asText().trim();
        if (s.matches("\\d{9,13}")) {
            return Optional.of(epoch(Long.parseLong(s)));
        }
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException ignored) {
            // try the other shapes
        }
        for (DateTimeFormatter f : OFFSET_FORMATS) {
            try {
                return Optional.of(OffsetDateTime.parse(s, f).toInstant());
            } catch (DateTimeParseException ignored) {
                // next
            }
        }
        try {
            return Optional.of(LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant epoch(long value) {
        return value < MILLIS_THRESHOLD ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
    }
}
