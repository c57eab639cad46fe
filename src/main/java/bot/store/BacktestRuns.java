package bot.store;

import bot.backtest.Gap;
import bot.backtest.RunOrder;
import bot.backtest.RunRecord;
import bot.domain.OrderStatus;
import bot.domain.OrderType;
import bot.domain.Side;
import bot.engine.RoundTrip;
import bot.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Backtest runs and their journal (backtest_runs, backtest_orders, backtest_round_trips): tables of
 * their own, so no query of the daemon's journal ever counts a simulated run.
 */
public final class BacktestRuns {
    private final Jdbi jdbi;

    public BacktestRuns(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a run was: strategy (null for --kind), kind, stream, checked parameters and the candles it traded on. */
    public record Run(long id, String strategy, String kind, String symbol, String interval, String network,
            Map<String, String> params, long fromOpenTime, long toOpenTime, long candles, int warmupCandles,
            List<Gap> gaps) {
    }

    /** Stores the run and its journal in one transaction; its id. */
    public long save(Run run, RunRecord record) {
        return jdbi.inTransaction(h -> {
            RunRecord.OpenHolding open = record.open();
            long id = h.createQuery("""
                    insert into backtest_runs (strategy, kind, symbol, interval, network, params, from_open_time,
                           to_open_time, candles, warmup_candles, gaps, open_qty, open_entry_price, open_entry_value,
                           open_entry_fee, open_opened_at, last_close, last_close_time)
                    values (:strategy, :kind, :symbol, :interval, :network, cast(:params as jsonb), :from, :to, :candles,
                           :warmup, cast(:gaps as jsonb), :openQty, :openPrice, :openValue, :openFee, :openedAt,
                           :lastClose, :lastCloseTime)
                    returning id""")
                    .bind("strategy", run.strategy())
                    .bind("kind", run.kind())
                    .bind("symbol", run.symbol())
                    .bind("interval", run.interval())
                    .bind("network", run.network())
                    .bind("params", json(run.params()))
                    .bind("from", run.fromOpenTime())
                    .bind("to", run.toOpenTime())
                    .bind("candles", run.candles())
                    .bind("warmup", run.warmupCandles())
                    .bind("gaps", json(run.gaps()))
                    .bind("openQty", open == null ? null : open.qty())
                    .bind("openPrice", open == null ? null : open.entryPrice())
                    .bind("openValue", open == null ? null : open.entryValue())
                    .bind("openFee", open == null ? null : open.entryQuoteFee())
                    .bind("openedAt", open == null ? null : JdbiJournal.timestamp(open.openedAt()))
                    .bind("lastClose", record.lastClose())
                    .bind("lastCloseTime", record.lastCloseTime())
                    .mapTo(Long.class).one();
            insertOrders(h, id, record.orders());
            insertTrips(h, id, record.roundTrips());
            return id;
        });
    }

    private static void insertOrders(Handle h, long id, List<RunOrder> orders) {
        if (orders.isEmpty()) {
            return;
        }
        CopyText rows = new CopyText();
        for (RunOrder o : orders) {
            rows.value(id).value(o.seq()).value(o.clientOrderId()).value(o.symbol()).value(o.side().name())
                    .value(o.type().name()).value(o.status().name()).value(o.requestedQty()).value(o.executedQty())
                    .value(o.quoteQty()).value(o.avgPrice()).value(o.fee()).value(o.feeAsset()).value(o.feeQuote())
                    .value(o.signalPrice()).value(o.candleOpenTime()).value(o.time()).value(o.reason()).endRow();
        }
        rows.into(h, """
                copy backtest_orders (run_id, seq, client_order_id, symbol, side, type, status, requested_qty,
                     executed_qty, quote_qty, avg_price, fee, fee_asset, fee_quote, signal_price, candle_open_time,
                     time, reason) from stdin""");
    }

    private static void insertTrips(Handle h, long id, List<RoundTrip> trips) {
        if (trips.isEmpty()) {
            return;
        }
        CopyText rows = new CopyText();
        int seq = 0;
        for (RoundTrip t : trips) {
            rows.value(id).value(++seq).value(t.entryOrderId()).value(t.exitOrderId()).value(t.qty())
                    .value(t.entryPrice()).value(t.exitPrice()).value(t.entryValue()).value(t.exitValue())
                    .value(t.fees()).value(t.netPnl()).value(t.grossPnl()).value(t.openedAt()).value(t.closedAt())
                    .endRow();
        }
        rows.into(h, """
                copy backtest_round_trips (run_id, seq, entry_seq, exit_seq, qty, entry_price, exit_price,
                     entry_value, exit_value, fees, net_pnl, gross_pnl, opened_at, closed_at) from stdin""");
    }

    public Optional<Run> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                select id, strategy, kind, symbol, interval, network, params::text, from_open_time, to_open_time,
                       candles, warmup_candles, gaps::text
                from backtest_runs where id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), EnabledStrategies.parameters(rs.getString(7)), rs.getLong(8),
                        rs.getLong(9), rs.getLong(10), rs.getInt(11), gaps(rs.getString(12))))
                .findOne());
    }

    /** The run's journal as stored; empty when there is no such run. */
    public Optional<RunRecord> record(long id) {
        return jdbi.withHandle(h -> {
            Optional<RunRecord> head = h.createQuery("""
                    select open_qty, open_entry_price, open_entry_value, open_entry_fee, open_opened_at, last_close,
                           last_close_time
                    from backtest_runs where id = :id""")
                    .bind("id", id)
                    .map((rs, ctx) -> new RunRecord(List.of(), List.of(), rs.getBigDecimal(1) == null ? null
                            : new RunRecord.OpenHolding(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                                    rs.getBigDecimal(4), JdbiJournal.instant(rs, "open_opened_at")),
                            rs.getBigDecimal(6), rs.getLong(7)))
                    .findOne();
            if (head.isEmpty()) {
                return head;
            }
            List<RunOrder> orders = h.createQuery("""
                    select seq, client_order_id, symbol, side, type, status, requested_qty, executed_qty, quote_qty,
                           avg_price, fee, fee_asset, fee_quote, signal_price, candle_open_time, time, reason
                    from backtest_orders where run_id = :id order by seq""")
                    .bind("id", id)
                    .map((rs, ctx) -> new RunOrder(rs.getInt(1), rs.getString(2), rs.getString(3),
                            Side.valueOf(rs.getString(4)), OrderType.valueOf(rs.getString(5)),
                            OrderStatus.valueOf(rs.getString(6)), rs.getBigDecimal(7), rs.getBigDecimal(8),
                            rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getString(12),
                            rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getLong(15), JdbiJournal.instant(rs, "time"),
                            rs.getString(17)))
                    .list();
            List<RoundTrip> trips = h.createQuery("""
                    select entry_seq, exit_seq, qty, entry_price, exit_price, entry_value, exit_value, fees, net_pnl,
                           gross_pnl, opened_at, closed_at
                    from backtest_round_trips where run_id = :id order by seq""")
                    .bind("id", id)
                    .map((rs, ctx) -> new RoundTrip(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                            rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                            JdbiJournal.instant(rs, "opened_at"), JdbiJournal.instant(rs, "closed_at"), Map.of()))
                    .list();
            RunRecord h0 = head.get();
            return Optional.of(new RunRecord(orders, trips, h0.open(), h0.lastClose(), h0.lastCloseTime()));
        });
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Gap> gaps(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<List<Gap>>() { });
        } catch (JsonProcessingException e) {
            throw new DatabaseException("stored gaps are not valid JSON: " + e.getOriginalMessage());
        }
    }
}
