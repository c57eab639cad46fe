package bot.engine;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Candle;
import bot.domain.ExecutionReport;
import bot.domain.OrderRequest;
import bot.domain.OrderStatus;
import bot.domain.OrderType;
import bot.domain.SymbolRules;
import bot.risk.PreTradeCheck;
import bot.risk.RiskDecision;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One strategy's path from intent to journal: risk check, the journal row first (PENDING, with a
 * fresh client order id), the gateway, then the answer. An answer that is not final is looked up
 * with bounded waits; an order the exchange says does not exist is sent again under a new id
 * (next attempt, same candle); one that stays unknown halts the strategy.
 */
public final class OrderFlow {
    private static final Logger log = LoggerFactory.getLogger(OrderFlow.class);
    /** Sends of one signal at most, counting the first. */
    static final int MAX_ATTEMPTS = 3;

    private final StrategyIdentity strategy;
    private final OrderGateway gateway;
    private final Journal journal;
    private final SymbolRulesSource rulesSource;
    private final LookupBackoff backoff;
    private final Sleeper sleeper;

    public OrderFlow(StrategyIdentity strategy, OrderGateway gateway, Journal journal, SymbolRulesSource rulesSource,
                     LookupBackoff backoff, Sleeper sleeper) {
        this.strategy = strategy;
        this.gateway = gateway;
        this.journal = journal;
        this.rulesSource = rulesSource;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /**
     * Reconciles the strategy before it trades: its position is rebuilt from the journal's fills and
     * must agree with the recorded one, then every order a previous run left unsettled is looked up
     * (with the bounded waits) and recorded as the exchange has it, never re-sent: its signal is old.
     *
     * @throws TradingHaltedException when the state cannot be reconciled (an order still unknown, the
     *                                exchange unreachable, no symbol rules, a position its fills contradict)
     */
    Holding restore() throws TradingHaltedException, InterruptedException {
        Holding holding = rebuiltPosition();
        for (JournaledOrder order : journal.unsettled(strategy.id())) {
            log.info("settling an order left open by the previous run", kv("clientOrderId", order.clientOrderId()),
                    kv("status", order.status()));
            SymbolRules rules = rules(order.symbol());
            if (rules == null) {
                throw new TradingHaltedException("order " + order.clientOrderId() + " cannot be settled: no symbol rules for "
                        + order.symbol());
            }
            holding = follow(order, gateway.lookup(order.symbol(), order.clientOrderId()).orElse(null), holding, rules, false);
        }
        return holding;
    }

    private Holding rebuiltPosition() throws TradingHaltedException {
        Holding recorded = journal.holding(strategy.id(), strategy.symbol());
        List<RecordedExecution> executions = journal.executions(strategy.id());
        if (executions.isEmpty() && recorded.isFlat()) {
            return recorded;
        }
        SymbolRules rules = rules(strategy.symbol());
        if (rules == null) {
            throw new TradingHaltedException("the position cannot be rebuilt from the journal's fills: no symbol rules for "
                    + strategy.symbol());
        }
        Holding rebuilt = PositionRebuild.from(strategy.symbol(), executions, rules);
        if (!PositionRebuild.agree(recorded, rebuilt, executions, rules.baseAsset())) {
            throw new TradingHaltedException("the recorded position (" + PositionRebuild.describe(recorded)
                    + ") does not match the journal's fills (" + PositionRebuild.describe(rebuilt)
                    + "); trading stops until the journal is put right");
        }
        log.info("position rebuilt from the journal's fills", kv("orders", executions.size()),
                kv("position", rebuilt.position().quantity().toPlainString()));
        return recorded;
    }

    /** Carries out a strategy's intent on its signal candle; returns the position after it. */
    Holding execute(OrderIntent intent, Candle candle, Holding holding) throws TradingHaltedException, InterruptedException {
        SymbolRules rules = rules(candle.symbol());
        if (rules == null) {
            log.warn("order denied", kv("side", intent.side()), kv("reason", "no exchange rules for " + candle.symbol()));
            return holding;
        }
        RiskDecision decision = switch (intent.side()) {
            case BUY -> PreTradeCheck.buy(rules, holding.position(), intent.quoteAmount(), candle.close());
            case SELL -> PreTradeCheck.sell(rules, holding.position(), candle.close());
        };
        if (decision instanceof RiskDecision.Denied denied) {
            log.info("order denied", kv("side", intent.side()), kv("reason", denied.reason()),
                    kv("candleOpenTime", candle.openTime()));
            return holding;
        }
        BigDecimal quantity = ((RiskDecision.Approved) decision).quantity();
        return send(intent.side(), quantity, candle.close(), candle.openTime(), 1, holding, rules);
    }

    private Holding send(bot.domain.Side side, BigDecimal quantity, BigDecimal signalPrice, long candleOpenTime,
                         int attempt, Holding holding, SymbolRules rules) throws TradingHaltedException, InterruptedException {
        String clientOrderId = ClientOrderIds.of(strategy.id(), candleOpenTime, journal.nextOrderNumber());
        OrderRequest request = new OrderRequest(clientOrderId, strategy.symbol(), side, OrderType.MARKET, quantity,
                signalPrice, candleOpenTime);
        Optional<Long> orderId = journal.open(strategy, request, attempt);
        if (orderId.isEmpty()) {
            log.warn("an order for this candle is journaled already; not sending another",
                    kv("candleOpenTime", candleOpenTime), kv("attempt", attempt));
            return holding;
        }
        log.info("order sent", kv("clientOrderId", clientOrderId), kv("side", side), kv("qty", quantity.toPlainString()),
                kv("signalPrice", signalPrice.toPlainString()), kv("candleOpenTime", candleOpenTime), kv("attempt", attempt));
        JournaledOrder order = new JournaledOrder(orderId.get(), clientOrderId, strategy.symbol(), side, OrderType.MARKET,
                quantity, signalPrice, candleOpenTime, attempt, OrderStatus.PENDING);
        return follow(order, gateway.submit(request), holding, rules, true);
    }

    /**
     * Records {@code answer} and, while it is not final, looks the order up again after each wait.
     * A null answer means the exchange says the order does not exist.
     */
    private Holding follow(JournaledOrder order, ExecutionReport answer, Holding holding, SymbolRules rules,
                           boolean resend) throws TradingHaltedException, InterruptedException {
        Iterator<Duration> waits = backoff.waits().iterator();
        ExecutionReport report = answer;
        while (report == null || !report.status().isTerminal()) {
            if (report == null) {
                return notFound(order, holding, rules, resend);
            }
            journal.record(Settlement.statusOnly(order.id(), report));
            if (!waits.hasNext()) {
                throw new TradingHaltedException("order " + order.clientOrderId() + " is still " + report.status()
                        + " after " + backoff.waits().size() + " lookups; trading stops until it is settled"
                        + " (the next start looks it up again)");
            }
            Duration wait = waits.next();
            log.warn("order outcome not known yet; looking it up", kv("clientOrderId", order.clientOrderId()),
                    kv("status", report.status()), kv("waitMs", wait.toMillis()));
            sleeper.sleep(wait);
            report = gateway.lookup(order.symbol(), order.clientOrderId()).orElse(null);
        }
        Settlement settlement = PositionKeeper.settle(order.id(), order.side(), report, holding, rules);
        journal.record(settlement);
        log.info("order " + report.status().name().toLowerCase(java.util.Locale.ROOT),
                kv("clientOrderId", order.clientOrderId()), kv("side", order.side()), kv("status", report.status()),
                kv("qty", report.executedQty().toPlainString()),
                kv("price", report.averagePrice() == null ? null : report.averagePrice().toPlainString()),
                kv("reason", report.reason()));
        if (settlement.roundTrip() != null) {
            log.info("round trip closed", kv("clientOrderId", order.clientOrderId()),
                    kv("netPnl", settlement.roundTrip().netPnl().toPlainString()));
        }
        return settlement.holding() == null ? holding : settlement.holding();
    }

    private Holding notFound(JournaledOrder order, Holding holding, SymbolRules rules, boolean resend)
            throws TradingHaltedException, InterruptedException {
        boolean again = resend && order.attempt() < MAX_ATTEMPTS;
        String reason = "does not exist at the exchange" + (again ? "; sent again under a new id"
                : resend ? "; gave up after " + MAX_ATTEMPTS + " attempts" : "; its signal is old, not sent again");
        journal.record(Settlement.statusOnly(order.id(), new ExecutionReport(order.clientOrderId(), OrderStatus.EXPIRED,
                null, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), reason, null)));
        log.warn("order not found at the exchange", kv("clientOrderId", order.clientOrderId()), kv("reason", reason));
        if (!again) {
            return holding;
        }
        return send(order.side(), order.requestedQty(), order.signalPrice(), order.candleOpenTime(), order.attempt() + 1,
                holding, rules);
    }

    private SymbolRules rules(String symbol) {
        return rulesSource.rules(symbol).orElse(null);
    }
}
