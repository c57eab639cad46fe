package bot.cli;

import bot.json.Json;
import bot.store.OrderHistory;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints orders as an aligned table, a JSON array (interface.md's fields) or CSV with the same columns. */
final class OrderRowsWriter {
    private static final List<String> FIELDS = List.of("strategy", "mode", "symbol", "side", "type", "status",
            "clientOrderId", "qty", "price", "fee", "feeAsset", "candleOpenTime", "time");

    private OrderRowsWriter() {
    }

    static void write(List<OrderHistory.Row> rows, OrdersCommand.Format format, PrintWriter out) {
        switch (format) {
            case json -> out.println(json(rows));
            case csv -> csv(rows, out);
            case table -> table(rows, out);
        }
        out.flush();
    }

    /** The fields in interface.md's order; decimals stay strings exactly as stored, absent values null. */
    private static Map<String, Object> fields(OrderHistory.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy", r.strategy());
        m.put("mode", r.mode());
        m.put("symbol", r.symbol());
        m.put("side", r.side());
        m.put("type", r.type());
        m.put("status", r.status());
        m.put("clientOrderId", r.clientOrderId());
        m.put("qty", r.qty());
        m.put("price", r.price());
        m.put("fee", r.fee());
        m.put("feeAsset", r.feeAsset());
        m.put("candleOpenTime", r.candleOpenTime());
        m.put("time", r.time() == null ? null : r.time().toString());
        return m;
    }

    private static String json(List<OrderHistory.Row> rows) {
        try {
            return Json.PRETTY.writeValueAsString(rows.stream().map(OrderRowsWriter::fields).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static void csv(List<OrderHistory.Row> rows, PrintWriter out) {
        out.println(String.join(",", FIELDS));
        for (OrderHistory.Row row : rows) {
            List<String> cells = new ArrayList<>();
            fields(row).values().forEach(v -> cells.add(csvCell(v)));
            out.println(String.join(",", cells));
        }
    }

    private static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static void table(List<OrderHistory.Row> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            out.println("no orders");
            return;
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"TIME", "STRATEGY", "MODE", "SYMBOL", "SIDE", "TYPE", "STATUS", "QTY", "PRICE", "FEE",
            "CANDLE", "CLIENT ORDER ID"});
        for (OrderHistory.Row r : rows) {
            lines.add(new String[] {r.time() == null ? "" : r.time().toString(), r.strategy(), r.mode(), r.symbol(),
                r.side(), r.type(), r.status(), r.qty(), r.price() == null ? "-" : r.price(),
                r.feeAsset() == null ? r.fee() : r.fee() + " " + r.feeAsset(), Long.toString(r.candleOpenTime()),
                r.clientOrderId()});
        }
        int[] widths = new int[lines.get(0).length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                b.append(i == line.length - 1 ? line[i] : String.format("%-" + widths[i] + "s  ", line[i]));
            }
            out.println(b.toString().stripTrailing());
        }
    }
}
