package bot.testing;

import bot.config.SettingsLoader;
import bot.store.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Map;

/**
 * A second bot process for tests: opens the database of BOT_HOME (args[0]) as the bot does,
 * prints "READY", holds it until a line arrives on standard input, then closes it.
 */
public final class HoldDatabase {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        var settings = SettingsLoader.load(home, home.resolve("conf/bot.conf"), false, Map.of(), Map.of());
        try (Database db = Database.open(settings)) {
            db.jdbi().withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in)).readLine();
        }
        System.out.println("CLOSED");
    }
}
