package bot.backtest;

import bot.domain.Candle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Candle by candle, what a backtest over the archived candles did against what the strategy's
 * journal says it did: the answer to "why did live differ from my backtest". Each candle either
 * agrees (both did the same, or both nothing) or is a divergence, explained when the data tells why:
 * a fill price or quantity, a candle the archive misses, an order the exchange refused, or an
 * earlier divergence the positions have differed since.
 */
public final class JournalComparison {

    /** One candle where the two sides differ; {@code why} is null when nothing in the data explains it. */
    public record Divergence(long candleOpenTime, String backtest, String journal, String why) {
    }

    /** {@code candles} compared, how many agree, and every divergence in candle order. */
    public record Result(long candles, long agree, List<Divergence> divergences) {
        public boolean agrees() {
            return divergences.isEmpty();
        }
    }

    private JournalComparison() {
    }

    /**
     * @param candles the archived candles the backtest traded on
     * @param gaps    candles missing from the archive (warm-up included)
     * @param journal the journal's orders on signal candles from the first of {@code candles} on; of
     *                several attempts on one candle the last counts
     */
    public static Result compare(List<Candle> candles, List<Gap> gaps, List<Decision> backtest,
            List<Decision> journal) {
        Map<Long, Decision> ours = byCandle(backtest);
        Map<Long, Decision> theirs = byCandle(journal);
        Set<Long> archived = new HashSet<>();
        candles.forEach(c -> archived.add(c.openTime()));
        Set<Long> times = new TreeSet<>(ours.keySet());
        times.addAll(theirs.keySet());
        List<Divergence> divergences = new ArrayList<>();
        long firstCandle = candles.isEmpty() ? Long.MIN_VALUE : candles.get(0).openTime();
        for (long t : times) {
            if (t < firstCandle) {
                continue;
            }
            Decision b = ours.get(t);
            Decision j = theirs.get(t);
            if (b != null && j != null && b.sameAs(j)) {
                continue;
            }
            divergences.add(new Divergence(t, b == null ? "nothing" : b.describe(), j == null ? "nothing" : j.describe(),
                    why(t, b, j, archived, gaps, divergences)));
        }
        long compared = candles.size() + theirs.keySet().stream().filter(t -> t >= firstCandle && !archived.contains(t))
                .count();
        return new Result(compared, compared - divergences.size(), divergences);
    }

    private static String why(long t, Decision b, Decision j, Set<Long> archived, List<Gap> gaps,
            List<Divergence> earlier) {
        if (j != null && !archived.contains(t)) {
            return "a missed candle: " + Instant.ofEpochMilli(t) + " is not in the archive, so the backtest never saw"
                    + " the candle the daemon traded on";
        }
        if (j != null && !j.status().equals("FILLED") && (b == null || b.status().equals("FILLED"))) {
            return "the journal's order is " + j.status() + (j.reason() == null ? "" : ": " + j.reason());
        }
        if (b != null && j != null && b.side() == j.side() && b.status().equals(j.status())) {
            if (b.qty().compareTo(j.qty()) != 0) {
                return "quantity: backtest " + b.qty().stripTrailingZeros().toPlainString() + ", journal "
                        + j.qty().stripTrailingZeros().toPlainString();
            }
            return "fill price: backtest " + plain(b) + " (the close moved by slippage), journal " + plain(j);
        }
        Gap missed = null;
        for (Gap gap : gaps) {
            if (gap.to() < t) {
                missed = gap;
            }
        }
        if (missed != null) {
            return "a missed candle: the archive lacks " + missed.missing() + " candle(s) from "
                    + Instant.ofEpochMilli(missed.from()) + ", so the strategy's history differs from there";
        }
        if (!earlier.isEmpty()) {
            return "follows the divergence at " + Instant.ofEpochMilli(earlier.get(earlier.size() - 1).candleOpenTime())
                    + ": the positions differ since";
        }
        return null;
    }

    private static String plain(Decision d) {
        return d.price() == null ? "none" : d.price().stripTrailingZeros().toPlainString();
    }

    private static Map<Long, Decision> byCandle(List<Decision> decisions) {
        Map<Long, Decision> map = new TreeMap<>();
        decisions.forEach(d -> map.put(d.candleOpenTime(), d));
        return map;
    }
}
