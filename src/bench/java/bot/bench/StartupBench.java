package bot.bench;

import bot.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up: from starting {@code bin/bot start} to its stream connection open with every stream
 * subscribed (the loopback exchange's side of the WebSocket upgrade), with an external PostgreSQL
 * (BOT_DB_URL) holding one paper mean_reversion strategy. Compared, in interleaved rounds: the
 * launcher as it is (its dynamic AppCDS archive, written by the first run), the launcher with
 * {@code -Xshare:off}, its java command without the archive (the JDK's own CDS only), and, on
 * JDK 25 and later, that command with an AOT cache ({@code -XX:AOTCache}) from a training run.
 */
final class StartupBench {

    private StartupBench() {
    }

    static List<Figure> run(BenchDatabase pg, int rounds) throws Exception {
        BotProcess.buildJar();
        try (Database db = pg.fresh("bench_startup")) {
            StrategyRows.insert(db.jdbi(), "mean_reversion", List.of("BTCUSDT"), "1m", "{\"order_value\": \"100\"}");
        }
        Path home = Files.createTempDirectory("bot-bench-startup");
        Path aotCache = home.resolve("bot.aot");
        boolean aot = Runtime.version().feature() >= 25;
        try (LoopbackBinance binance = new LoopbackBinance(SyntheticMarket.noisy(), System::currentTimeMillis)) {
            Map<String, String> env = Map.of("BOT_DB_URL", pg.url("bench_startup"), "BOT_DB_USER", BenchDatabase.USER,
                    "BOT_BINANCE_REST_URL", binance.restUrl(), "BOT_BINANCE_WS_URL", binance.wsUrl());
            Map<String, Start> variants = new LinkedHashMap<>();
            variants.put("bin/bot start (its AppCDS archive)", () -> BotProcess.launcher(home, env));
            variants.put("bin/bot start, BOT_JAVA_OPTS=-Xshare:off (no CDS at all)",
                    () -> BotProcess.launcher(home, with(env, "BOT_JAVA_OPTS", "-Xshare:off")));
            variants.put("its java command without the archive (JDK's default CDS)",
                    () -> BotProcess.java(home, env, List.of()));
            if (aot) {
                variants.put("its java command with a JDK AOT cache (-XX:AOTCache)",
                        () -> BotProcess.java(home, env, List.of("-XX:AOTCache=" + aotCache)));
            }
            double first = time(binance, () -> BotProcess.launcher(home, env));
            System.out.printf("first bin/bot start (no archive yet; it is written at exit): %.0f ms%n", first);
            if (aot) {
                time(binance, () -> BotProcess.java(home, env, List.of("-XX:AOTCacheOutput=" + aotCache)));
                System.out.println("AOT cache trained: " + Files.exists(aotCache));
            }
            Map<String, double[]> times = new LinkedHashMap<>();
            variants.keySet().forEach(name -> times.put(name, new double[rounds]));
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, Start> v : variants.entrySet()) {
                    times.get(v.getKey())[round] = time(binance, v.getValue());
                }
                int r = round;
                System.out.printf("round %d: %s ms%n", r + 1, String.join(" / ",
                        times.values().stream().map(t -> String.format("%.0f", t[r])).toList()));
            }
            List<Figure> figures = new ArrayList<>();
            double launcher = Double.NaN;
            for (Map.Entry<String, double[]> t : times.entrySet()) {
                double median = median(t.getValue());
                if (Double.isNaN(launcher)) {
                    launcher = median;
                    figures.add(Figure.atMost("start-up to all streams subscribed: " + t.getKey()
                            + ", median of " + rounds, median, 1500, "ms", "%.0f"));
                } else {
                    figures.add(Figure.info("start-up: " + t.getKey(),
                            String.format("%.0f ms (%+.0f ms)", median, median - launcher)));
                }
            }
            figures.add(Figure.info("start-up: first bin/bot start, before its archive exists", String.format("%.0f ms", first)));
            return figures;
        }
    }

    @FunctionalInterface
    private interface Start {
        BotProcess start() throws Exception;
    }

    /** Milliseconds from starting the process to its streams subscribed; the process is then stopped. */
    private static double time(LoopbackBinance binance, Start start) throws Exception {
        binance.subscribers().clear();
        try (BotProcess bot = start.start()) {
            long subscribed = binance.awaitSubscribed(1, 60_000);
            double millis = (subscribed - bot.startedAt()) / 1e6;
            bot.stop();
            return millis;
        }
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(key, value);
        return copy;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
