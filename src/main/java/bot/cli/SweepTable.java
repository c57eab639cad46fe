package bot.cli;

import bot.app.ParameterSweep;
import bot.backtest.Gap;
import bot.backtest.SweepAxis;
import bot.backtest.SweepRank;
import bot.json.Json;
import bot.report.Kpis;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A sweep's best combinations: rank, the swept values, the main KPIs (and the run id when kept). */
final class SweepTable {

    private SweepTable() {
    }

    static void write(List<ParameterSweep.Result> best, int combinations, List<SweepAxis> axes, SweepRank rank,
            boolean kept, List<Gap> gaps, BacktestCommand.Format format, PrintWriter out) {
        List<String> header = new ArrayList<>(List.of("rank"));
        axes.forEach(a -> header.add(a.name()));
        header.addAll(List.of("trades", "winRate", "netProfit", "profitFactor", "maxDrawdown", "sharpe"));
        if (kept) {
            header.add("run");
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < best.size(); i++) {
            ParameterSweep.Result r = best.get(i);
            Kpis k = r.kpis();
            List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1)));
            axes.forEach(a -> row.add(r.values().get(a.name())));
            row.addAll(List.of(Long.toString(k.trades()), text(k.winRate()), text(k.netProfit()),
                    text(k.profitFactor()), text(k.maxDrawdown()), text(k.sharpe())));
            if (kept) {
                row.add(String.valueOf(r.runId()));
            }
            rows.add(row.toArray(String[]::new));
        }
        switch (format) {
            case table -> {
                out.println(combinations + " combinations, best " + best.size() + " by " + rank.field()
                        + (kept ? " (all stored)" : " (not stored: --keep stores them)"));
                gaps.forEach(gap -> out.println(BacktestCommand.gapLine(gap)));
                TextTable table = new TextTable(header.stream().map(SweepTable::title).toArray(String[]::new));
                rows.forEach(table::row);
                table.print(out);
            }
            case csv -> {
                out.println(String.join(",", header));
                rows.forEach(row -> out.println(String.join(",", row)));
            }
            case json -> {
                // as the report's JSON: counts as numbers, decimals as exact strings, null when not computable
                ArrayNode array = Json.MAPPER.createArrayNode();
                for (int i = 0; i < best.size(); i++) {
                    ParameterSweep.Result r = best.get(i);
                    Kpis k = r.kpis();
                    ObjectNode o = array.addObject();
                    o.put("rank", i + 1);
                    axes.forEach(a -> o.put(a.name(), r.values().get(a.name())));
                    o.put("trades", k.trades());
                    o.put("winRate", json(k.winRate()));
                    o.put("netProfit", json(k.netProfit()));
                    o.put("profitFactor", json(k.profitFactor()));
                    o.put("maxDrawdown", json(k.maxDrawdown()));
                    o.put("sharpe", json(k.sharpe()));
                    if (kept) {
                        o.put("run", r.runId());
                    }
                }
                try {
                    out.println(Json.PRETTY.writeValueAsString(array));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        out.flush();
    }

    private static String title(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }

    private static String json(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String text(BigDecimal value) {
        return value == null ? "n/a" : value.toPlainString();
    }
}
