package bot.cli;

import bot.app.InputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A time given on the command line ({@code --since}, {@code --until}): an ISO-8601 instant
 * ({@code 2024-05-01T12:00:00Z}, with any offset), a date-time without offset (read as UTC) or a
 * date (a UTC day). Only times from 1970 to the end of year 9999 are accepted: the journal holds
 * nothing outside them, and a far-away year would overflow date arithmetic or the database's
 * timestamps.
 */
final class TimeArgument {
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    /** The end of 9999-12-31: the latest an {@code --until} date may mean. */
    static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private TimeArgument() {
    }

    /**
     * @param endOfDay for a date, the end of that day (the start of the next) instead of its start,
     *                 so that {@code --until 2024-05-31} includes the 31st
     */
    static Instant parse(String option, String text, boolean endOfDay) {
        Instant instant;
        try {
            instant = read(text.strip(), endOfDay);
        } catch (DateTimeException e) {
            throw new InputException(option + ": expected an ISO-8601 time (2024-05-01T12:00:00Z) or date"
                    + " (2024-05-01), got '" + text + "'");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InputException(option + ": " + text.strip() + " is out of range, it must be from 1970-01-01"
                    + " to 9999-12-31");
        }
        return instant;
    }

    private static Instant read(String value, boolean endOfDay) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDateTime) {
                LocalDate day = LocalDate.parse(value);
                if (day.getYear() < 1970 || day.getYear() > 9999) {
                    return day.getYear() < 1970 ? Instant.MIN : Instant.MAX; // out of range, before any arithmetic
                }
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        }
    }
}
