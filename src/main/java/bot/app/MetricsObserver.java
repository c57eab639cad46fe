package bot.app;

import bot.domain.Candle;
import bot.domain.ExecutionReport;
import bot.domain.Interval;
import bot.domain.Network;
import bot.domain.OrderRequest;
import bot.engine.CandleListener;
import bot.engine.OrderGateway;
import bot.engine.StrategyIdentity;
import bot.engine.TradeEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's observer for monitoring: times every call to a strategy's order gateway (a decorator
 * put around it at wiring), counts denials, and watches each stream's closed candles, all reported
 * to a {@link MonitorSink}.
 */
public final class MetricsObserver implements DaemonObserver {
    private final MonitorSink sink;
    private final Clock clock;

    public MetricsObserver(MonitorSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public OrderGateway gateway(StrategyIdentity strategy, OrderGateway gateway) {
        return new TimedGateway(strategy.name(), gateway);
    }

    @Override
    public TradeEvents tradeEvents() {
        return (strategy, side, reason) -> sink.denied(strategy.name(), side.name(), reason);
    }

    @Override
    public Optional<CandleListener> stream(Network network, String symbol, Interval interval) {
        String stream = network.code() + "/" + symbol + "@" + interval.code();
        sink.streamSubscribed(stream, interval, clock.instant());
        return Optional.of(new CandleListener() {
            @Override
            public void onHistory(List<Candle> closedCandles) {
                // warm-up history is not a live candle: it says nothing about the stream's health
            }

            @Override
            public void onClosed(Candle closed) {
                sink.candleClosed(stream, interval, closed, clock.instant());
            }
        });
    }

    /** Measures the round trip of each call with a monotonic clock. */
    private final class TimedGateway implements OrderGateway {
        private final String strategy;
        private final OrderGateway gateway;

        TimedGateway(String strategy, OrderGateway gateway) {
            this.strategy = strategy;
            this.gateway = gateway;
        }

        @Override
        public ExecutionReport submit(OrderRequest request) {
            long start = System.nanoTime();
            try {
                return gateway.submit(request);
            } finally {
                sink.orderAnswered(strategy, "submit", Duration.ofNanos(System.nanoTime() - start));
            }
        }

        @Override
        public Optional<ExecutionReport> lookup(String symbol, String clientOrderId) {
            long start = System.nanoTime();
            try {
                return gateway.lookup(symbol, clientOrderId);
            } finally {
                sink.orderAnswered(strategy, "lookup", Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }
}
