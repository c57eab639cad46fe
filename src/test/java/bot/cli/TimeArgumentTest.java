package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.app.InputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeArgumentTest {

    @Test
    void instantsOffsetsLocalTimesAndDates() {
        assertEquals(Instant.parse("2024-05-01T12:00:00Z"), TimeArgument.parse("--since", "2024-05-01T12:00:00Z", false));
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), TimeArgument.parse("--since", "2024-05-01T12:00+02:00", false));
        assertEquals(Instant.parse("2024-05-01T12:30:00Z"), TimeArgument.parse("--since", "2024-05-01T12:30", false));
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), TimeArgument.parse("--since", "2024-05-01", false));
        assertEquals(Instant.parse("2024-05-02T00:00:00Z"), TimeArgument.parse("--until", "2024-05-01", true));
    }

    @Test
    void anythingElseNamesTheOption() {
        InputException e = assertThrows(InputException.class, () -> TimeArgument.parse("--until", "last week", true));
        assertTrue(e.getMessage().startsWith("--until: "), e.getMessage());
    }
}
