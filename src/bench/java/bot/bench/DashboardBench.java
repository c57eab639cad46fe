package bot.bench;

import bot.store.Database;
import bot.web.HttpBinding;
import bot.web.StrategyStates;
import bot.web.WebServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard over a journal of 1,000,000 fills (500,000 round trips, 10 strategies; the report
 * benchmark's journal): the requests before its first paint (page, style, scripts, strategies,
 * latest orders) one after another, cold (the server just started) and warm; then every chart's
 * data (equity and candles of each strategy).
 */
final class DashboardBench {
    private static final List<String> FIRST_PAINT = List.of("/", "/app.css", "/vendor/uPlot.min.css", "/app.js",
            "/vendor/uPlot.iife.min.js", "/api/strategies", "/api/orders?limit=50");

    private DashboardBench() {
    }

    static List<Figure> run(Database db, int runs) throws Exception {
        db.jdbi().useHandle(ReportBenchmark::fill);
        HttpClient http = HttpClient.newHttpClient();
        try (WebServer web = new WebServer(db.jdbi(), Clock.systemUTC())) {
            web.start(new HttpBinding(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.empty()),
                    StrategyStates.NONE);
            String base = "http://127.0.0.1:" + web.address().getPort();
            long cold = time(http, base, FIRST_PAINT);
            System.out.printf("first paint's requests, cold: %d ms%n", cold);
            long[] warm = new long[runs];
            long[] charts = new long[runs];
            List<String> chartPaths = new ArrayList<>();
            for (int i = 1; i <= ReportBenchmark.STRATEGIES; i++) {
                chartPaths.add("/api/equity?strategy=bench-" + i);
                chartPaths.add("/api/candles?strategy=bench-" + i);
            }
            for (int i = 0; i < runs; i++) {
                warm[i] = time(http, base, FIRST_PAINT);
                charts[i] = time(http, base, chartPaths);
                System.out.printf("run %d: first paint %d ms, the %d charts' data %d ms%n", i + 1, warm[i],
                        ReportBenchmark.STRATEGIES * 2, charts[i]);
            }
            Arrays.sort(warm);
            Arrays.sort(charts);
            String what = "dashboard first paint over 1,000,000 fills (7 requests in a row)";
            return List.of(
                    new Figure(what + ", median of " + runs, warm[runs / 2] + " ms", "< 300 ms", warm[runs / 2] < 300),
                    new Figure(what + ", cold server", cold + " ms", "< 300 ms", cold < 300),
                    Figure.info("equity and candles of 10 strategies (20 requests in a row), median", charts[runs / 2] + " ms"));
        }
    }

    private static long time(HttpClient http, String base, List<String> paths) throws Exception {
        long t0 = System.nanoTime();
        for (String path : paths) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + new String(r.body()));
            }
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
