package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnableDisableCommandTest extends SetupCommandTest {

    @BeforeEach
    void strategy() {
        assertOk(bot("add-account", "--name", "paper"));
        assertOk(bot("add-strategy", "--name", "mr", "--account", "paper", "--kind", "test_window",
                "--symbol", "BTCUSDT", "--interval", "1m", "--config", "{\"order_value\": 100}"));
    }

    private boolean enabled() {
        CliRun list = bot("list", "strategies", "--format", "json");
        return list.out().contains("\"enabled\" : true");
    }

    @Test
    void disableThenEnableFlipsTheFlag() {
        CliRun disable = bot("disable", "mr");
        assertOk(disable);
        assertEquals("Strategy mr disabled.\n", disable.out());
        assertEquals(false, enabled());
        assertEquals("Strategy mr was already disabled.\n", bot("disable", "mr").out());
        assertOk(bot("enable", "mr"));
        assertTrue(enabled());
    }

    @Test
    void unknownNameIsRefusedAndNothingChanges() {
        String before = snapshot();
        assertRefused(bot("enable", "ghost"), "NAME: there is no strategy named 'ghost'");
        assertRefused(bot("disable", "ghost"), "NAME: there is no strategy named 'ghost'");
        assertRefused(bot("enable"), "NAME");
        assertEquals(before, snapshot());
    }
}
