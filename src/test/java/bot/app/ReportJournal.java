package bot.app;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A small journal whose KPIs are worked out by hand (see the expected values in
 * {@code JournalReporterTest}), written with plain SQL so the report is tested against the schema
 * and not against the engine's code.
 *
 * <pre>
 * alpha (account acc1, paper, BTCUSDT), round trips:   net    entry value  opened            closed
 *   T1                                                 +10    100          01-01 10:00       01-01 12:00
 *   T2                                                  -4    100          01-02 09:00       01-02 10:00
 *   T3                                                  -8    110          01-02 11:00       01-02 15:00
 *   T4                                                  +6    100          01-03 08:00       01-03 09:00
 *   T5                                                   0    100          01-04 10:00       01-04 10:30
 *   open position 0.0025 BTC bought at 40000 (value 100, fee 0.1 USDT) on 01-05 00:00;
 *   candles BTCUSDT 1m: 01-05 00:59 close 40500, 01-05 01:00 close 41000.
 *   Fees: T1's BUY paid 0.00001 BTC at 40000 (= 0.4 USDT), T4's SELL 0.0005 BNB, every other
 *   order 0.1 USDT; a rejected order paid nothing.
 * beta (account acc2, live, ETHUSDT):
 *   B1                                                  +5     50          01-02 00:00       01-02 06:00
 *   B2                                                  +3     50          01-02 07:00       01-02 08:00
 *   Fees: 0.05 USDT per order.
 * </pre>
 * All times are 2024, UTC. Each entry order is placed at the round trip's open, each exit at its close.
 */
public final class ReportJournal {
    private final Handle h;
    private long candle;

    private ReportJournal(Handle h) {
        this.h = h;
    }

    public static void write(Jdbi jdbi) {
        jdbi.useTransaction(h -> new ReportJournal(h).write());
    }

    private void write() {
        long acc1 = account("acc1");
        long acc2 = account("acc2");
        long alpha = strategy("alpha", acc1, "BTCUSDT", "paper");
        long beta = strategy("beta", acc2, "ETHUSDT", "live");

        roundTrip(alpha, "paper", "BTCUSDT", "100", "10", "01-01T10:00", "01-01T12:00", "0.00001", "BTC", "0.1", "USDT");
        roundTrip(alpha, "paper", "BTCUSDT", "100", "-4", "01-02T09:00", "01-02T10:00", "0.1", "USDT", "0.1", "USDT");
        roundTrip(alpha, "paper", "BTCUSDT", "110", "-8", "01-02T11:00", "01-02T15:00", "0.1", "USDT", "0.1", "USDT");
        roundTrip(alpha, "paper", "BTCUSDT", "100", "6", "01-03T08:00", "01-03T09:00", "0.1", "USDT", "0.0005", "BNB");
        roundTrip(alpha, "paper", "BTCUSDT", "100", "0", "01-04T10:00", "01-04T10:30", "0.1", "USDT", "0.1", "USDT");
        order(alpha, "paper", "BTCUSDT", "BUY", "REJECTED", "0", "40000", "0", null, "01-04T12:00");
        long entry = order(alpha, "paper", "BTCUSDT", "BUY", "FILLED", "0.0025", "40000", "0.1", "USDT", "01-05T00:00");
        h.execute("""
                insert into positions (strategy_id, symbol, qty, entry_price, entry_cost, entry_fee_quote,
                                       entry_order_id, opened_at)
                values (?, 'BTCUSDT', 0.0025, 40000, 100, 0.1, ?, ?)""", alpha, entry, time("01-05T00:00"));
        candle("BTCUSDT", "01-05T00:59", "40500");
        candle("BTCUSDT", "01-05T01:00", "41000");
        candle("ETHUSDT", "01-05T01:00", "2500");

        roundTrip(beta, "live", "ETHUSDT", "50", "5", "01-02T00:00", "01-02T06:00", "0.05", "USDT", "0.05", "USDT");
        roundTrip(beta, "live", "ETHUSDT", "50", "3", "01-02T07:00", "01-02T08:00", "0.05", "USDT", "0.05", "USDT");
    }

    private long account(String name) {
        return h.createUpdate("insert into accounts (name, key_type) values (:name, 'none')").bind("name", name)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private long strategy(String name, long account, String symbol, String mode) {
        return h.createUpdate("""
                insert into strategies (name, account_id, kind, symbol, interval, mode, params)
                values (:name, :account, 'mean_reversion', :symbol, '1m', :mode, '{"order_value": "100"}')""")
                .bind("name", name).bind("account", account).bind("symbol", symbol).bind("mode", mode)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** An entry at 40000 (the quantity giving entryValue), an exit, and the round trip between them. */
    private void roundTrip(long strategy, String mode, String symbol, String entryValue, String netPnl, String opened,
            String closed, String entryFee, String entryFeeAsset, String exitFee, String exitFeeAsset) {
        BigDecimal value = new BigDecimal(entryValue);
        BigDecimal qty = value.divide(new BigDecimal("40000"));
        BigDecimal exitValue = value.add(new BigDecimal(netPnl));
        BigDecimal exitPrice = exitValue.divide(qty, 8, java.math.RoundingMode.HALF_EVEN);
        long entry = order(strategy, mode, symbol, "BUY", "FILLED", qty.toPlainString(), "40000", entryFee,
                entryFeeAsset, opened);
        long exit = order(strategy, mode, symbol, "SELL", "FILLED", qty.toPlainString(), exitPrice.toPlainString(),
                exitFee, exitFeeAsset, closed);
        h.execute("""
                insert into round_trips (strategy_id, mode, symbol, entry_order_id, exit_order_id, qty, entry_price,
                                         exit_price, entry_value, exit_value, fees, net_pnl, gross_pnl, opened_at,
                                         closed_at)
                values (?, ?, ?, ?, ?, ?, 40000, ?, ?, ?, 0.2, ?, ? + 0.2, ?, ?)""",
                strategy, mode, symbol, entry, exit, qty, exitPrice, value, exitValue, new BigDecimal(netPnl),
                new BigDecimal(netPnl), time(opened), time(closed));
    }

    private long order(long strategy, String mode, String symbol, String side, String status, String qty,
            String price, String fee, String feeAsset, String at) {
        candle++;
        BigDecimal executed = new BigDecimal(qty);
        long id = h.createUpdate("""
                insert into orders (client_order_id, strategy_id, mode, symbol, side, type, status, requested_qty,
                                    executed_qty, quote_qty, avg_price, fee, fee_asset, candle_open_time,
                                    created_at, updated_at)
                values (:cid, :strategy, :mode, :symbol, :side, 'MARKET', :status, 0.0025, :qty, :quote, :price,
                        :fee, :feeAsset, :candle, :at, :at)""")
                .bind("cid", "t" + strategy + "-" + candle).bind("strategy", strategy).bind("mode", mode)
                .bind("symbol", symbol).bind("side", side).bind("status", status).bind("qty", executed)
                .bind("quote", executed.multiply(new BigDecimal(price)))
                .bind("price", executed.signum() == 0 ? null : new BigDecimal(price))
                .bind("fee", new BigDecimal(fee)).bind("feeAsset", feeAsset).bind("candle", candle * 60_000)
                .bind("at", time(at)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        if (executed.signum() > 0) {
            h.execute("""
                    insert into fills (order_id, trade_id, price, qty, commission, commission_asset, time)
                    values (?, ?, ?, ?, ?, ?, ?)""", id, "f" + id, new BigDecimal(price), executed,
                    new BigDecimal(fee), feeAsset, time(at));
        }
        return id;
    }

    private void candle(String symbol, String open, String close) {
        long openTime = Instant.parse("2024-" + open + ":00Z").toEpochMilli();
        h.execute("""
                insert into candles (network, symbol, interval, open_time, close_time, open, high, low, close, volume)
                values ('production', ?, '1m', ?, ?, ?, ?, ?, ?, 1)""", symbol, openTime, openTime + 59_999,
                new BigDecimal(close), new BigDecimal(close), new BigDecimal(close), new BigDecimal(close));
    }

    /** "01-02T09:00" in 2024, UTC. */
    static OffsetDateTime time(String monthDayTime) {
        return OffsetDateTime.parse("2024-" + monthDayTime + ":00Z").withOffsetSameInstant(ZoneOffset.UTC);
    }
}
