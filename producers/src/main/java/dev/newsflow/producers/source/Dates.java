package dev.newsflow.producers.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Publication dates as sources write them: ISO-8601 instants and offsets ({@code 2022-01-03T08:30:00Z},
 * {@code 2021-08-24 22:27:40-04:00}), local date-times and dates (taken as UTC), RFC 1123 ({@code Mon, 03 Jan 2022
 * 08:30:00 GMT}) and epoch milliseconds.
 */
public final class Dates {

    private static final DateTimeFormatter OFFSET_WITH_SPACE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HH:MM", "Z").toFormatter(Locale.ROOT);
    private static final DateTimeFormatter LOCAL_WITH_SPACE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);

    private Dates() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.chars().allMatch(Character::isDigit) && s.length() >= 12) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(s)));
        }
        for (var attempt : ATTEMPTS) {
            try {
                return Optional.of(attempt.parse(s));
            } catch (DateTimeException | ArithmeticException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private interface Attempt {
        Instant parse(String s);
    }

    private static final Attempt[] ATTEMPTS = {
        s -> OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
        s -> ZonedDateTime.parse(s, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant(),
        s -> OffsetDateTime.parse(s, OFFSET_WITH_SPACE).toInstant(),
        s -> LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC),
        s -> LocalDateTime.parse(s, LOCAL_WITH_SPACE).toInstant(ZoneOffset.UTC),
        s -> LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant(),
        s -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
    };

    /** A date in {@code YYYY-MM-DD} form at midnight UTC, or a reason why not. */
    static Instant isoDay(String text) {
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new DateTimeException("'" + text + "' is not a valid date (YYYY-MM-DD)");
        }
    }
}
