package bot.bench;

import bot.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Capacity: {@code bin/bot start} as a child process with 10, 100 and 1,000 enabled paper
 * mean_reversion strategies, each on a 1s stream of its own (1,000 streams fit one connection:
 * Binance allows 1024), fed one closed candle per stream per second from a loopback exchange in
 * this process. After a warm-up, the child's CPU time and resident memory are read from /proc
 * over a steady window.
 */
final class CapacityBench {
    private static final int WARMUP_SECONDS = 30;

    private CapacityBench() {
    }

    private record Load(int strategies, double startupMillis, double cpuPercent, long rssMaxKb, long rssEndKb,
                        long hwmKb, long threads, long events, long orders, String cpuByThread) {
    }

    static List<Figure> run(BenchDatabase pg, int steadySeconds) throws Exception {
        BotProcess.buildJar();
        Path home = Files.createTempDirectory("bot-bench-capacity");
        List<Load> loads = new ArrayList<>();
        for (String n : System.getProperty("bench.capacityCounts", "10,100,1000").split(",")) {
            loads.add(load(pg, home, Integer.parseInt(n.trim()), steadySeconds));
        }
        List<Figure> figures = new ArrayList<>();
        for (Load l : loads) {
            String who = String.format("%,d strategies", l.strategies());
            System.out.printf("%s: start-up %.0f ms, CPU %.2f%% of a core, RSS max %d MB (end %d, peak %d), %d threads,"
                            + " %,d events and %,d orders in the window; CPU by thread: %s%n", who, l.startupMillis(),
                    l.cpuPercent(), l.rssMaxKb() / 1024, l.rssEndKb() / 1024, l.hwmKb() / 1024, l.threads(), l.events(),
                    l.orders(), l.cpuByThread());
            if (l.strategies() == 1000) {
                figures.add(Figure.atMost("capacity, 1,000 strategies on 1s klines: CPU", l.cpuPercent(), 15,
                        "% of a core", "%.2f"));
                figures.add(Figure.atMost("capacity, 1,000 strategies: resident memory (max over the window)",
                        l.rssMaxKb() / 1024.0, 300, "MB", "%.0f"));
                figures.add(Figure.info("capacity, 1,000 strategies: CPU by thread (% of a core)", l.cpuByThread()));
            }
        }
        figures.add(Figure.info("capacity: CPU at 10 / 100 / 1,000 strategies", String.join(" / ",
                loads.stream().map(l -> String.format("%.2f%%", l.cpuPercent())).toList())));
        figures.add(Figure.info("capacity: RSS at 10 / 100 / 1,000 strategies", String.join(" / ",
                loads.stream().map(l -> l.rssMaxKb() / 1024 + " MB").toList())));
        figures.add(Figure.info("capacity: start-up to all streams at 10 / 100 / 1,000", String.join(" / ",
                loads.stream().map(l -> String.format("%.1f s", l.startupMillis() / 1000)).toList())));
        figures.add(Figure.info("capacity: orders journaled during the windows", String.join(" / ",
                loads.stream().map(l -> Long.toString(l.orders())).toList())));
        return figures;
    }

    private static Load load(BenchDatabase pg, Path home, int n, int steadySeconds) throws Exception {
        String database = "bench_capacity_" + n;
        List<String> symbols = IntStream.rangeClosed(1, n).mapToObj(i -> String.format("C%04dUSDT", i)).toList();
        try (Database db = pg.fresh(database)) {
            StrategyRows.insert(db.jdbi(), "mean_reversion", symbols, "1s", "{\"order_value\": \"100\"}");
            SyntheticMarket market = SyntheticMarket.noisy();
            try (LoopbackBinance binance = new LoopbackBinance(market, System::currentTimeMillis)) {
                Map<String, String> env = Map.of("BOT_DB_URL", pg.url(database), "BOT_DB_USER", BenchDatabase.USER,
                        "BOT_BINANCE_REST_URL", binance.restUrl(), "BOT_BINANCE_WS_URL", binance.wsUrl(),
                        "BOT_JAVA_OPTS", System.getProperty("bench.botJavaOpts", ""));
                try (BotProcess bot = BotProcess.launcher(home, env)) {
                    long subscribed = binance.awaitSubscribed(n, 300_000);
                    double startup = (subscribed - bot.startedAt()) / 1e6;
                    try (SecondFeeder feeder = new SecondFeeder(binance, market, symbols)) {
                        Thread.sleep(WARMUP_SECONDS * 1000L);
                        long pid = bot.pid();
                        long orders0 = orders(db);
                        long sent0 = feeder.sent();
                        double cpu0 = ProcStats.cpuSeconds(pid);
                        Map<String, Double> threads0 = ProcStats.cpuSecondsByThread(pid);
                        long t0 = System.nanoTime();
                        long rssMax = 0;
                        long rss = 0;
                        for (int s = 0; s < steadySeconds; s++) {
                            Thread.sleep(1000);
                            rss = ProcStats.status(pid, "VmRSS");
                            rssMax = Math.max(rssMax, rss);
                        }
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        double cpu = (ProcStats.cpuSeconds(pid) - cpu0) / seconds * 100;
                        String byThread = byThread(threads0, ProcStats.cpuSecondsByThread(pid), seconds);
                        Load load = new Load(n, startup, cpu, rssMax, rss, ProcStats.status(pid, "VmHWM"),
                                ProcStats.status(pid, "Threads"), feeder.sent() - sent0, orders(db) - orders0, byThread);
                        bot.stop();
                        return load;
                    }
                }
            }
        }
    }

    /** The threads that used the most CPU in the window, in % of a core. */
    private static String byThread(Map<String, Double> before, Map<String, Double> after, double seconds) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) / seconds * 100))
                .filter(e -> e.getValue() >= 0.1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(6)
                .map(e -> String.format("%s %.1f%%", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static long orders(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from orders").mapTo(Long.class).one());
    }
}
