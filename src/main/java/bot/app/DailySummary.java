package bot.app;

import bot.notify.Notice;
import bot.notify.Notifier;
import bot.report.Kpis;
import bot.report.Report;
import bot.store.JournalFilter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Once a day, after 00:00 UTC, tells the notifier each strategy's PnL of the day before, as
 * {@code bot report --since DAY --until DAY+1} computes it. The day the daemon starts on is not
 * summarized (it saw only part of it); a day whose report failed (the database down) is tried
 * again on the next call.
 */
final class DailySummary implements Runnable {
    private final Function<JournalFilter, Report> reports;
    private final Notifier notifier;
    private final Clock clock;
    private LocalDate last;

    DailySummary(Function<JournalFilter, Report> reports, Notifier notifier, Clock clock) {
        this.reports = reports;
        this.notifier = notifier;
        this.clock = clock;
        this.last = today();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Override
    public void run() {
        LocalDate today = today();
        if (!today.isAfter(last)) {
            return;
        }
        LocalDate day = today.minusDays(1);
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        Report report = reports.apply(new JournalFilter(null, null, null, from, to));
        notifier.publish(notice(day, report, clock.instant()));
        last = today;
    }

    static Notice notice(LocalDate day, Report report, Instant time) {
        StringBuilder text = new StringBuilder("Daily summary for " + day + " (UTC):");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Kpis k : report.strategies()) {
            BigDecimal net = k.netProfit() == null ? BigDecimal.ZERO : k.netProfit();
            text.append("\n").append(k.strategy()).append(" (").append(k.mode() == null ? "" : k.mode().code())
                    .append(", ").append(k.symbol()).append("): net PnL ").append(net.toPlainString())
                    .append(" over ").append(k.trades()).append(k.trades() == 1 ? " trade" : " trades");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("strategy", k.strategy());
            row.put("mode", k.mode() == null ? null : k.mode().code());
            row.put("symbol", k.symbol());
            row.put("trades", k.trades());
            row.put("netPnl", net.toPlainString());
            rows.add(row);
        }
        if (rows.isEmpty()) {
            text.append(" no trades.");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("day", day.toString());
        fields.put("strategies", rows);
        return new Notice(Notice.Kind.DAILY_SUMMARY, null, text.toString(), fields, time);
    }
}
