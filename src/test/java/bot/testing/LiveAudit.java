package bot.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * "Never twice, never lost", checked between one live strategy's journal and the fake exchange's
 * books: nothing left unsettled; every order the exchange executed is in the journal, FILLED, with
 * its quantities and every trade; every FILLED row is an exchange order; no signal candle executed
 * twice; the balances the journal's fills imply are the exchange's, to the last digit; and the
 * position is what the last fills leave (the bought quantity less the base commission, whole XRP).
 */
public final class LiveAudit {

    /** What the journal holds: exchange orders, journal rows, and rows the exchange never executed. */
    public record Summary(int executed, int journaled, int notExecuted) {
    }

    private record Row(long id, String clientOrderId, String side, String status, BigDecimal executedQty,
                       BigDecimal quoteQty, long candleOpenTime) {
    }

    private record JournalFill(long orderId, String tradeId, BigDecimal price, BigDecimal qty, BigDecimal commission,
                               String asset) {
    }

    private LiveAudit() {
    }

    public static Summary verify(Jdbi jdbi, FakeBinanceExchange exchange, long strategyId, String apiKey,
                                 String base, String quote, Map<String, BigDecimal> deposits) {
        List<Row> rows = jdbi.withHandle(h -> h.createQuery("""
                select id, client_order_id, side, status, executed_qty, quote_qty, candle_open_time
                from orders where strategy_id = :id order by id""").bind("id", strategyId)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getLong(7))).list());
        List<JournalFill> fills = jdbi.withHandle(h -> h.createQuery("""
                select f.order_id, f.trade_id, f.price, f.qty, f.commission, f.commission_asset
                from fills f join orders o on o.id = f.order_id where o.strategy_id = :id order by f.id""")
                .bind("id", strategyId)
                .map((rs, ctx) -> new JournalFill(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getString(6))).list());
        assertEquals(List.of(), rows.stream().filter(r -> List.of("PENDING", "UNKNOWN", "NEW", "PARTIALLY_FILLED")
                .contains(r.status())).toList(), "orders left unsettled");

        Map<String, Row> byId = rows.stream().collect(Collectors.toMap(Row::clientOrderId, r -> r));
        List<FakeOrder> executed = exchange.orders().stream().filter(o -> o.apiKey().equals(apiKey)).toList();
        Map<Long, Integer> perCandle = new HashMap<>();
        for (FakeOrder order : executed) {
            Row row = byId.get(order.clientOrderId());
            assertNotNull(row, "executed at the exchange but not in the journal: " + order.clientOrderId());
            assertEquals("FILLED", row.status(), order.clientOrderId());
            assertEquals(0, order.executedQty().compareTo(row.executedQty()), order.clientOrderId());
            assertEquals(0, order.cummulativeQuoteQty().compareTo(row.quoteQty()), order.clientOrderId());
            assertEquals(order.trades().stream().map(t -> t.id() + " " + t.commission().stripTrailingZeros().toPlainString())
                            .toList(),
                    fills.stream().filter(f -> f.orderId() == row.id())
                            .map(f -> f.tradeId() + " " + f.commission().stripTrailingZeros().toPlainString()).toList(),
                    "the trades of " + order.clientOrderId());
            perCandle.merge(row.candleOpenTime(), 1, Integer::sum);
        }
        perCandle.forEach((candle, count) -> assertEquals(1, count, "signal candle " + candle + " executed twice"));
        List<String> executedIds = executed.stream().map(FakeOrder::clientOrderId).toList();
        assertEquals(List.of(), rows.stream().filter(r -> r.status().equals("FILLED") && !executedIds.contains(r.clientOrderId()))
                .toList(), "FILLED in the journal but unknown to the exchange");

        Map<String, BigDecimal> balances = new HashMap<>(deposits);
        Map<Long, String> sides = rows.stream().collect(Collectors.toMap(Row::id, Row::side));
        for (JournalFill f : fills) {
            boolean buy = sides.get(f.orderId()).equals("BUY");
            BigDecimal value = f.price().multiply(f.qty());
            balances.merge(base, buy ? f.qty() : f.qty().negate(), BigDecimal::add);
            balances.merge(quote, buy ? value.negate() : value, BigDecimal::add);
            balances.merge(f.asset(), f.commission().negate(), BigDecimal::add);
        }
        for (String asset : List.of(base, quote)) {
            BigDecimal fromJournal = balances.getOrDefault(asset, BigDecimal.ZERO);
            assertEquals(0, fromJournal.compareTo(exchange.balance(apiKey, asset)),
                    asset + ": journal " + fromJournal + ", exchange " + exchange.balance(apiKey, asset));
        }

        Row last = rows.stream().filter(r -> r.executedQty().signum() > 0).reduce((a, b) -> b).orElse(null);
        BigDecimal expectedPosition = BigDecimal.ZERO;
        if (last != null && last.side().equals("BUY")) {
            BigDecimal commission = fills.stream().filter(f -> f.orderId() == last.id() && f.asset().equals(base))
                    .map(JournalFill::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
            expectedPosition = last.executedQty().subtract(commission).setScale(0, RoundingMode.FLOOR);
        }
        BigDecimal position = jdbi.withHandle(h -> h.createQuery("select qty from positions where strategy_id = :id")
                .bind("id", strategyId).mapTo(BigDecimal.class).findOne().orElse(BigDecimal.ZERO));
        assertEquals(0, expectedPosition.compareTo(position), "position " + position + ", fills say " + expectedPosition);
        assertTrue(position.compareTo(exchange.balance(apiKey, base)) <= 0, "the position is on the exchange");
        return new Summary(executed.size(), rows.size(), rows.size() - executed.size());
    }
}
