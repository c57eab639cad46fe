package bot.cli;

import bot.app.Backtester;
import bot.backtest.JournalComparison;
import java.io.PrintWriter;
import java.time.Instant;

/** {@code bot backtest --against-journal}'s answer: how many candles agree, then each divergence and why. */
final class JournalCheckText {

    private JournalCheckText() {
    }

    static void write(Backtester.Check check, PrintWriter out) {
        Backtester.Plan plan = check.plan();
        JournalComparison.Result result = check.result();
        out.println(plan.name() + " (" + plan.kind().name() + " " + plan.symbol() + " " + plan.interval().code() + " "
                + plan.network().code() + "): " + result.candles() + " candles from "
                + Instant.ofEpochMilli(plan.candles().get(0).openTime()) + " to "
                + Instant.ofEpochMilli(plan.candles().get(plan.candles().size() - 1).openTime()) + ", "
                + result.agree() + " agree, " + result.divergences().size() + " diverge");
        if (result.divergences().isEmpty()) {
            out.println("the backtest and the journal agree on every candle");
        } else {
            TextTable table = new TextTable("CANDLE", "BACKTEST", "JOURNAL", "WHY");
            for (JournalComparison.Divergence d : result.divergences()) {
                table.row(Instant.ofEpochMilli(d.candleOpenTime()).toString(), d.backtest(), d.journal(),
                        d.why() != null ? d.why() : "not in the data (a halt, a stale signal or a restart? see the log)");
            }
            table.print(out);
        }
        out.flush();
    }
}
