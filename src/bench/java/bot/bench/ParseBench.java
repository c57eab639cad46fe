package bot.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@link KlineParseBenchmark} under JMH with the GC profiler: time and bytes allocated per kline
 * event (targets 2 us, the most a kline event may cost with Jackson's parser, and 2 KB). 3 warm-up and 5 measured iterations of 1 s, one fork.
 */
final class ParseBench {

    private ParseBench() {
    }

    static List<Figure> run() throws Exception {
        Options options = new OptionsBuilder()
                .include(KlineParseBenchmark.class.getName())
                .addProfiler(GCProfiler.class)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .forks(1)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<Figure> figures = new ArrayList<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String what = switch (method) {
                case "combinedText" -> "kline event -> candle, combined stream as a String (the bot's path)";
                case "combinedBytes" -> "kline event -> candle, combined stream as bytes";
                default -> "kline event -> candle, plain event as bytes";
            };
            figures.add(Figure.atMost(what + ": time", r.getPrimaryResult().getScore(), 2.0, "us", "%.3f"));
            figures.add(Figure.atMost(what + ": allocated", allocation(r), 2048, "B", "%.0f"));
        }
        return figures;
    }

    /** gc.alloc.rate.norm: bytes allocated per operation (its key has a prefix in some JMH versions). */
    @SuppressWarnings("rawtypes") // JMH's own signature: Map<String, Result>
    private static double allocation(RunResult result) {
        for (var entry : result.getSecondaryResults().entrySet()) {
            if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
                return entry.getValue().getScore();
            }
        }
        return Double.NaN;
    }
}
