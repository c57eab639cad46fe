package bot.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report for people: one column per row (strategy and mode) and one for the total, one line
 * per KPI, values right-aligned, n/a where a value cannot be computed, and the equity curve of
 * closed trades as a sparkline on the last line.
 */
final class TableReportWriter {
    private static final String NA = "n/a";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** A line of the table; an {@code optional} one is left out when every cell is empty. */
    private record Line(String label, Function<Kpis, String> cell, boolean optional) {
        Line(String label, Function<Kpis, String> cell) {
            this(label, cell, false);
        }
    }

    private static final List<Line> LINES = List.of(
            new Line("symbol", k -> k.symbol() == null ? "" : k.symbol()),
            new Line("trades", k -> Long.toString(k.trades())),
            new Line("wins / losses / even", k -> k.wins() + " / " + k.losses() + " / " + k.breakeven()),
            new Line("win rate", k -> percent(k.winRate())),
            new Line("gross profit", k -> number(k.grossProfit())),
            new Line("gross loss", k -> number(k.grossLoss())),
            new Line("net profit", k -> number(k.netProfit())),
            new Line("  excludes (no price)", k -> amounts(k.netProfitExcludes()), true),
            new Line("fees", TableReportWriter::fees),
            new Line("profit factor", k -> number(k.profitFactor())),
            new Line("expectancy", k -> number(k.expectancy())),
            new Line("expectancy ratio", k -> number(k.expectancyRatio())),
            new Line("avg duration", k -> duration(k.avgDuration())),
            new Line("best trade", k -> number(k.best())),
            new Line("worst trade", k -> number(k.worst())),
            new Line("max drawdown", k -> number(k.maxDrawdown()) + " (" + percent(k.maxDrawdownPct()) + ")"),
            new Line("drawdown from", k -> time(k.maxDrawdownStart())),
            new Line("drawdown to", k -> time(k.maxDrawdownEnd())),
            new Line("sharpe (daily)", k -> number(k.sharpe())),
            new Line("sortino (daily)", k -> number(k.sortino())),
            new Line("open position", TableReportWriter::open),
            new Line("unrealized PnL", k -> number(k.unrealizedPnl())),
            new Line("  excludes (no price)", k -> amounts(k.unrealizedPnlExcludes()), true),
            new Line("first trade", k -> time(k.firstTrade())),
            new Line("last trade", k -> time(k.lastTrade())),
            new Line("equity", Kpis::equity));

    private TableReportWriter() {
    }

    static void write(Report report, Writer out) throws IOException {
        if (report.isEmpty()) {
            out.write("No trades: the journal holds no round trip, fill or open position for this selection.\n");
            writeDenied(report, out);
            return;
        }
        List<Kpis> columns = new ArrayList<>(report.strategies());
        columns.add(report.total());
        List<String[]> table = new ArrayList<>();
        table.add(row("", columns, k -> k.strategy() == null ? "TOTAL" : k.strategy()));
        table.add(row("", columns, k -> k.mode() == null ? "all" : k.mode().code()));
        for (Line line : LINES) {
            String[] cells = row(line.label(), columns, line.cell());
            if (!line.optional() || Arrays.stream(cells, 1, cells.length).anyMatch(c -> !c.isEmpty())) {
                table.add(cells);
            }
        }
        int[] widths = new int[columns.size() + 1];
        for (String[] cells : table) {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        for (int r = 0; r < table.size(); r++) {
            String[] cells = table.get(r);
            StringBuilder text = new StringBuilder(pad(cells[0], widths[0], false));
            for (int i = 1; i < cells.length; i++) {
                text.append("  ").append(pad(cells[i], widths[i], true));
            }
            out.write(text.toString().stripTrailing() + "\n");
            if (r == 1) {
                int total = widths.length * 2 - 2;
                for (int w : widths) {
                    total += w;
                }
                out.write("─".repeat(total) + "\n");
            }
        }
        writeDenied(report, out);
    }

    private static void writeDenied(Report report, Writer out) throws IOException {
        if (!report.deniedEntries().isEmpty()) {
            out.write("Entries denied by risk limits: " + new java.util.TreeMap<>(report.deniedEntries()).entrySet()
                    .stream().map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "))
                    + "\n");
        }
    }

    private static String[] row(String label, List<Kpis> columns, Function<Kpis, String> cell) {
        String[] cells = new String[columns.size() + 1];
        cells[0] = label;
        for (int i = 0; i < columns.size(); i++) {
            cells[i + 1] = cell.apply(columns.get(i));
        }
        return cells;
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(width - text.length());
        return right ? fill + text : text + fill;
    }

    private static String number(BigDecimal value) {
        return value == null ? NA : ValueText.decimal(value);
    }

    private static String percent(BigDecimal value) {
        return value == null ? NA : value.toPlainString() + "%";
    }

    private static String time(Instant value) {
        return value == null ? NA : TIME.format(value);
    }

    /** The valued fees, then those without a price in their own asset: "1.3 + 0.0005 BNB". */
    private static String fees(Kpis k) {
        StringBuilder text = new StringBuilder(number(k.fees()));
        k.otherFees().forEach((asset, amount) -> text.append(" + ").append(number(amount)).append(' ').append(asset));
        return text.toString();
    }

    /** "0.0005 BNB", several joined with " + ", empty for none. */
    private static String amounts(Map<String, BigDecimal> amounts) {
        List<String> parts = new ArrayList<>();
        amounts.forEach((asset, amount) -> parts.add(number(amount) + " " + asset));
        return String.join(" + ", parts);
    }

    private static String open(Kpis k) {
        if (k.openPosition() != null) {
            return number(k.openPosition().qty()) + " @ " + number(k.openPosition().entryPrice());
        }
        return switch (k.openPositions()) {
            case 0 -> "none";
            case 1 -> "1 position";
            default -> k.openPositions() + " positions";
        };
    }

    /** The two largest units that are not zero: "2h 30m", "3d 4h", "45s". */
    static String duration(Duration value) {
        if (value == null) {
            return NA;
        }
        long[] amounts = {value.toDaysPart(), value.toHoursPart(), value.toMinutesPart(), value.toSecondsPart()};
        String[] units = {"d", "h", "m", "s"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < amounts.length && parts.size() < 2; i++) {
            if (amounts[i] != 0 || !parts.isEmpty()) {
                parts.add(amounts[i] + units[i]);
            }
        }
        return parts.isEmpty() ? "0s" : String.join(" ", parts);
    }
}
