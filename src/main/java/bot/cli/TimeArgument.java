package bot.cli;

import bot.app.InputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A time given on the command line: an ISO-8601 instant ({@code 2024-05-01T12:00:00Z}, with any
 * offset), a date-time without offset (read as UTC) or a date (a UTC day).
 */
final class TimeArgument {

    private TimeArgument() {
    }

    /**
     * @param endOfDay for a date, the end of that day (the start of the next) instead of its start,
     *                 so that {@code --until 2024-05-31} includes the 31st
     */
    static Instant parse(String option, String text, boolean endOfDay) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDateTime) {
                try {
                    LocalDate day = LocalDate.parse(value);
                    return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new InputException(option + ": expected an ISO-8601 time (2024-05-01T12:00:00Z) or date"
                            + " (2024-05-01), got '" + text + "'");
                }
            }
        }
    }
}
