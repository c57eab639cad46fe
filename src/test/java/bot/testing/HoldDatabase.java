package bot.testing;

import bot.config.SettingsLoader;
import bot.store.Database;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second bot process for tests: opens the database of BOT_HOME (args[0]) as the bot does,
 * prints "READY", holds it until a line arrives on standard input, then closes it. With a second
 * argument "busy" it also works like a daemon meanwhile: queries without pause while its pool keeps
 * replacing its connections (evicting the idle ones, as a pool does when they reach their lifetime),
 * and on leaving prints "QUERIES n FAILED m".
 */
public final class HoldDatabase {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        boolean busy = args.length > 1 && args[1].equals("busy");
        var settings = SettingsLoader.load(home, home.resolve("conf/bot.conf"), false, Map.of(), Map.of());
        try (Database db = Database.open(settings)) {
            db.jdbi().withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
            AtomicBoolean leaving = new AtomicBoolean();
            AtomicInteger queries = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            Thread worker = new Thread(() -> {
                while (busy && !leaving.get()) {
                    ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().softEvictConnections();
                    try {
                        db.jdbi().withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        System.err.println("query failed: " + e.getMessage());
                    }
                    queries.incrementAndGet();
                }
            });
            worker.start();
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in)).readLine();
            leaving.set(true);
            worker.join();
            if (busy) {
                System.out.println("QUERIES " + queries.get() + " FAILED " + failed.get());
            }
        }
        System.out.println("CLOSED");
    }
}
