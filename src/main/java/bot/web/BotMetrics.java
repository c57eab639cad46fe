package bot.web;

import bot.app.MonitorSink;
import bot.domain.Candle;
import bot.domain.Interval;
import bot.rest.ExchangeTraffic;
import bot.store.DashboardQueries;
import bot.store.DashboardQueries.StrategyRow;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The bot's Prometheus metrics. What the journal holds (orders, fills, positions, PnL) is read from
 * PostgreSQL at each scrape, so it equals what {@code bot orders} and {@code bot report} say, across
 * restarts and instances; what only this process sees (round-trip times, denials, candle lag,
 * WebSocket reconnects, REST weight) is recorded as it happens.
 */
final class BotMetrics implements MonitorSink {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final StreamWatch streams;
    private final Histogram roundTrip;
    private final Counter denials;
    private final Histogram candleLag;

    private final RealizedPnl realized;

    BotMetrics(DashboardQueries journal, StreamWatch streams, RealizedPnl realized, Supplier<Map<String, String>> states,
               Clock clock) {
        this.streams = streams;
        this.realized = realized;
        roundTrip = Histogram.builder().name("bot_order_round_trip_seconds")
                .help("Time from sending an order call to the exchange (or the paper simulator) to its answer")
                .labelNames("strategy", "call")
                .classicUpperBounds(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
                .register(registry);
        denials = Counter.builder().name("bot_order_denials_total")
                .help("Orders a pre-trade check denied, by reason code")
                .labelNames("strategy", "side", "reason").register(registry);
        candleLag = Histogram.builder().name("bot_candle_lag_seconds")
                .help("Arrival of a closed candle minus its close time")
                .labelNames("stream")
                .classicUpperBounds(0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300)
                .register(registry);
        GaugeWithCallback.builder().name("bot_orders")
                .help("Orders in the journal by strategy, side and status (as bot orders lists them)")
                .labelNames("strategy", "side", "status")
                .callback(cb -> journal.orderCounts().forEach(c -> cb.call(c.count(), c.strategy(), c.side(), c.status())))
                .register(registry);
        GaugeWithCallback.builder().name("bot_fills")
                .help("Fills in the journal by strategy")
                .labelNames("strategy")
                .callback(cb -> journal.fillCounts().forEach(c -> cb.call(c.count(), c.strategy())))
                .register(registry);
        GaugeWithCallback.builder().name("bot_strategy_state")
                .help("1 for the state each strategy of this daemon is in")
                .labelNames("strategy", "state")
                .callback(cb -> states.get().forEach((name, state) -> cb.call(1, name, state)))
                .register(registry);
        GaugeWithCallback.builder().name("bot_strategy_instance")
                .help("1 for the instance (host, pid) holding each strategy's lease: who trades it")
                .labelNames("strategy", "host", "pid")
                .callback(cb -> journal.holders().values().forEach(h -> cb.call(1, h.strategy(), h.host(),
                        Long.toString(h.pid()))))
                .register(registry);
        GaugeWithCallback.builder().name("bot_position_value")
                .help("Open position valued at the stream's last close, in the quote asset")
                .labelNames("strategy")
                .callback(cb -> positions(journal, clock).forEach(p -> cb.call(p.value(), p.name())))
                .register(registry);
        GaugeWithCallback.builder().name("bot_realized_pnl")
                .help("Net PnL of the closed round trips, in the quote asset")
                .labelNames("strategy")
                .callback(cb -> positions(journal, clock).forEach(p -> cb.call(p.realized(), p.name())))
                .register(registry);
        GaugeWithCallback.builder().name("bot_unrealized_pnl")
                .help("PnL of the open position at the stream's last close, entry commission included")
                .labelNames("strategy")
                .callback(cb -> positions(journal, clock).forEach(p -> cb.call(p.unrealized(), p.name())))
                .register(registry);
        CounterWithCallback.builder().name("bot_websocket_reconnects")
                .help("Market WebSockets opened again after a connection's first (reconnects and rotations)")
                .callback(cb -> cb.call(ExchangeTraffic.PROCESS.reconnects()))
                .register(registry);
        GaugeWithCallback.builder().name("bot_rest_weight_used")
                .help("Request weight Binance last reported used this minute, per REST host")
                .labelNames("host")
                .callback(cb -> ExchangeTraffic.PROCESS.usedWeights().forEach((host, used) -> cb.call(used, host)))
                .register(registry);
        CounterWithCallback.builder().name("bot_rest_rate_limited")
                .help("Answers 429 or 418 (rate limit exceeded) per REST host")
                .labelNames("host", "status")
                .callback(cb -> ExchangeTraffic.PROCESS.refusals().forEach((key, n) -> {
                    int space = key.lastIndexOf(' ');
                    cb.call(n, key.substring(0, space), key.substring(space + 1));
                }))
                .register(registry);
        JvmMetrics.builder().register(registry);
    }

    PrometheusRegistry registry() {
        return registry;
    }

    private record PositionFigures(String name, double value, double realized, double unrealized) {
    }

    /** One journal read serves the three position gauges of a scrape. */
    private List<PositionFigures> positions(DashboardQueries journal, Clock clock) {
        Memo memo = positions.get();
        long now = System.nanoTime();
        if (memo != null && now - memo.at() < 1_000_000_000L) {
            return memo.figures();
        }
        List<PositionFigures> figures = readPositions(journal, clock);
        positions.set(new Memo(now, figures));
        return figures;
    }

    private record Memo(long at, List<PositionFigures> figures) {
    }

    private final AtomicReference<Memo> positions = new AtomicReference<>();

    private List<PositionFigures> readPositions(DashboardQueries journal, Clock clock) {
        Instant dayStart = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        realized.refresh();
        return journal.strategies(dayStart).stream().map(s -> {
            Valuation v = Valuation.of(s, streams.lastClose(StrategyView.stream(s)));
            return new PositionFigures(s.name(), v.value().doubleValue(), realized.of(s.id()).netPnl().doubleValue(),
                    v.unrealized() == null ? 0 : v.unrealized().doubleValue());
        }).toList();
    }

    @Override
    public void streamSubscribed(String stream, Interval interval, Instant at) {
        streams.subscribed(stream, interval, at);
    }

    @Override
    public void candleClosed(String stream, Interval interval, Candle closed, Instant arrivedAt) {
        streams.closed(stream, interval, closed.close(), arrivedAt);
        // never below 0: only a skewed clock sees a candle before its close
        candleLag.labelValues(stream).observe(Math.max(0, arrivedAt.toEpochMilli() - closed.closeTime()) / 1000.0);
    }

    @Override
    public void orderAnswered(String strategy, String call, Duration took) {
        roundTrip.labelValues(strategy, call).observe(took.toNanos() / 1e9);
    }

    @Override
    public void denied(String strategy, String side, String reason) {
        denials.labelValues(strategy, side, DenialCode.of(reason)).inc();
    }

    /** A position valued at a price: the last close a stream delivered, else the last stored one. */
    record Valuation(BigDecimal value, BigDecimal unrealized, BigDecimal price) {
        static Valuation of(StrategyRow s, BigDecimal streamClose) {
            BigDecimal price = streamClose != null ? streamClose : s.lastClose();
            BigDecimal qty = s.positionQty() == null ? BigDecimal.ZERO : s.positionQty();
            if (qty.signum() == 0) {
                return new Valuation(BigDecimal.ZERO, null, price);
            }
            if (price == null) {
                return new Valuation(BigDecimal.ZERO, null, null);
            }
            BigDecimal value = qty.multiply(price);
            BigDecimal cost = s.entryCost() == null ? BigDecimal.ZERO : s.entryCost();
            BigDecimal fee = s.entryFeeQuote() == null ? BigDecimal.ZERO : s.entryFeeQuote();
            return new Valuation(value, value.subtract(cost).subtract(fee), price);
        }
    }
}
