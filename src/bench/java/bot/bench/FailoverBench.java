package bot.bench;

import bot.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Several instances with the default lease TTL (10 s): two {@code bin/bot start} on one external
 * PostgreSQL with one paper strategy (the loopback exchange feeding them). Per round, the instance
 * holding the strategy is killed with SIGKILL: the time until the other holds the lease (it then
 * reconciles and trades); then the holder is stopped with SIGTERM: the time until the other holds it.
 */
final class FailoverBench {
    private static final String DB = "bench_failover";

    private FailoverBench() {
    }

    static List<Figure> run(BenchDatabase pg, int rounds) throws Exception {
        BotProcess.buildJar();
        Path home = Files.createTempDirectory("bot-bench-failover");
        double[] kills = new double[rounds];
        double[] stops = new double[rounds];
        try (Database db = pg.fresh(DB);
             LoopbackBinance binance = new LoopbackBinance(SyntheticMarket.noisy(), System::currentTimeMillis)) {
            StrategyRows.insert(db.jdbi(), "mean_reversion", List.of("BTCUSDT"), "1m", "{\"order_value\": \"100\"}");
            Map<String, String> env = Map.of("BOT_DB_URL", pg.url(DB), "BOT_DB_USER", BenchDatabase.USER,
                    "BOT_BINANCE_REST_URL", binance.restUrl(), "BOT_BINANCE_WS_URL", binance.wsUrl());
            List<BotProcess> bots = new ArrayList<>();
            try {
                bots.add(BotProcess.launcher(home.resolve("a"), env));
                awaitHolder(db.jdbi(), bots, 120_000);
                bots.add(awaitJoined(db.jdbi(), BotProcess.launcher(home.resolve("b"), env)));
                for (int round = 0; round < rounds; round++) {
                    BotProcess holder = awaitHolder(db.jdbi(), bots, 60_000);
                    long t0 = System.nanoTime();
                    holder.close(); // SIGKILL
                    bots.remove(holder);
                    BotProcess next = awaitHolder(db.jdbi(), bots, 60_000);
                    kills[round] = (System.nanoTime() - t0) / 1e6;
                    bots.add(awaitJoined(db.jdbi(), BotProcess.launcher(home.resolve("k" + round), env)));
                    t0 = System.nanoTime();
                    Thread stop = Thread.ofVirtual().start(() -> {
                        try {
                            next.stop();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    bots.remove(next);
                    awaitHolder(db.jdbi(), bots, 60_000);
                    stops[round] = (System.nanoTime() - t0) / 1e6;
                    stop.join();
                    bots.add(awaitJoined(db.jdbi(), BotProcess.launcher(home.resolve("s" + round), env)));
                    System.out.printf("round %d: kill -9 -> taken over in %.0f ms; SIGTERM -> handed over in %.0f ms%n",
                            round + 1, kills[round], stops[round]);
                }
            } finally {
                for (BotProcess bot : bots) {
                    bot.stop();
                }
            }
        }
        return List.of(
                Figure.atMost("several instances: kill -9 of the one trading, until another holds its lease (TTL 10 s),"
                        + " worst of " + rounds, max(kills), 15_000, "ms", "%.0f"),
                Figure.atMost("several instances: SIGTERM of the one trading, until another holds its lease, worst of "
                        + rounds, max(stops), 2_000, "ms", "%.0f"));
    }

    /** The bot holding the strategy's lease, once one of {@code bots} does. */
    private static BotProcess awaitHolder(Jdbi jdbi, List<BotProcess> bots, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            List<Long> pids = jdbi.withHandle(h -> h.createQuery("select pid from strategy_leases where expires_at > now()")
                    .mapTo(Long.class).list());
            for (BotProcess bot : bots) {
                if (pids.contains(bot.pid()) || pids.stream().anyMatch(pid -> descends(pid, bot.pid()))) {
                    return bot;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no instance took the strategy within " + timeoutMillis + " ms");
    }

    /** {@code bot}, once it is up and waiting as a standby (its row in lease_instances): a JVM start is not measured. */
    private static BotProcess awaitJoined(Jdbi jdbi, BotProcess bot) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            List<Long> pids = jdbi.withHandle(h -> h.createQuery("select pid from lease_instances where expires_at > now()")
                    .mapTo(Long.class).list());
            if (pids.contains(bot.pid()) || pids.stream().anyMatch(pid -> descends(pid, bot.pid()))) {
                Thread.sleep(1_000); // its first round done
                return bot;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("bot start did not join within 120 s");
    }

    /** Should bin/bot ever run java as a child rather than exec it: the lease names the JVM's pid. */
    private static boolean descends(long pid, long ancestor) {
        return ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(p -> p.pid() == ancestor
                || p.parent().map(g -> g.pid() == ancestor).orElse(false)).orElse(false);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
