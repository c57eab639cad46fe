package bot.execution;

import bot.domain.ExecutionReport;
import bot.domain.Fill;
import bot.domain.MarketOrderFilters;
import bot.domain.OrderRequest;
import bot.domain.OrderStatus;
import bot.domain.Side;
import bot.domain.SymbolRules;
import bot.engine.OrderGateway;
import bot.engine.SymbolRulesSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Simulated fills for paper strategies; it never calls the exchange. An order fills whole at the
 * signal candle's close moved by {@code slippage} against it, the price then rounded to the tick
 * size against the trader too (a BUY up, a SELL down), so paper results never flatter. The fee is
 * price x qty x fee_pct in the quote asset. The exchange's filters apply as on Binance: a breach is
 * a REJECTED report with Binance's message. Trade ids derive from the client order id.
 */
public final class PaperGateway implements OrderGateway {
    private final SymbolRulesSource rulesSource;
    private final BigDecimal feePct;
    private final BigDecimal slippage;
    private final Clock clock;
    /** Recent answers, for lookups; bounded so a daemon that runs for months does not keep them all. */
    private final Map<String, ExecutionReport> placed = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ExecutionReport> eldest) {
                    return size() > REMEMBERED;
                }
            });
    static final int REMEMBERED = 1024;

    public PaperGateway(SymbolRulesSource rulesSource, BigDecimal feePct, BigDecimal slippage, Clock clock) {
        this.rulesSource = rulesSource;
        this.feePct = feePct;
        this.slippage = slippage;
        this.clock = clock;
    }

    @Override
    public ExecutionReport submit(OrderRequest request) {
        ExecutionReport report = rulesSource.rules(request.symbol())
                .map(rules -> fill(request, rules))
                .orElseGet(() -> rejected(request, "Invalid symbol."));
        placed.put(request.clientOrderId(), report);
        return report;
    }

    @Override
    public Optional<ExecutionReport> lookup(String symbol, String clientOrderId) {
        return Optional.ofNullable(placed.get(clientOrderId));
    }

    private ExecutionReport fill(OrderRequest request, SymbolRules rules) {
        BigDecimal price = fillPrice(request.side(), request.signalPrice(), rules.tickSize());
        BigDecimal qty = request.quantity();
        Optional<MarketOrderFilters.FilterViolation> violation = MarketOrderFilters.violation(rules, qty, price);
        if (violation.isPresent()) {
            return rejected(request, violation.get().exchangeMessage());
        }
        BigDecimal quote = price.multiply(qty);
        BigDecimal fee = quote.multiply(feePct);
        String id = "paper-" + request.clientOrderId();
        Fill fill = new Fill(id, price, qty, fee, rules.quoteAsset(), clock.instant());
        return new ExecutionReport(request.clientOrderId(), OrderStatus.FILLED, id, qty, quote, List.of(fill), null,
                clock.instant());
    }

    /** The close moved by slippage against the order, rounded to the tick against the trader. */
    BigDecimal fillPrice(Side side, BigDecimal close, BigDecimal tickSize) {
        boolean buy = side == Side.BUY;
        BigDecimal moved = close.multiply(buy ? BigDecimal.ONE.add(slippage) : BigDecimal.ONE.subtract(slippage));
        if (tickSize == null || tickSize.signum() == 0) {
            return moved.stripTrailingZeros();
        }
        BigDecimal ticks = moved.divide(tickSize, 0, buy ? RoundingMode.CEILING : RoundingMode.FLOOR);
        return ticks.multiply(tickSize).stripTrailingZeros();
    }

    private ExecutionReport rejected(OrderRequest request, String reason) {
        return new ExecutionReport(request.clientOrderId(), OrderStatus.REJECTED, null, BigDecimal.ZERO,
                BigDecimal.ZERO, List.of(), reason, clock.instant());
    }
}
