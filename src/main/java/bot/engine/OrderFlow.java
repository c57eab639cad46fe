package bot.engine;

import bot.domain.Candle;
import bot.domain.Side;
import bot.domain.SymbolRules;
import bot.engine.OrderLife.Done;
import bot.engine.OrderLife.Inherited;
import bot.engine.OrderLife.Opening;
import bot.engine.OrderLife.Policy;
import bot.risk.PreTradeCheck;
import bot.risk.RiskDecision;
import bot.risk.RiskSettings;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One strategy's path from intent to journal: the signal's age, the exchange's rules, the risk
 * check, then the order's life ({@link OrderLife}). Infrastructure errors on the way (the journal,
 * exchangeInfo) are retried; an entry whose signal went stale meanwhile is dropped, an exit is not.
 */
public final class OrderFlow {
    private static final Logger log = LoggerFactory.getLogger(OrderFlow.class);

    private final StrategyIdentity strategy;
    private final Journal journal;
    private final SymbolRulesSource rulesSource;
    private final OrderDesk desk;
    private final RiskBook.Seat seat;
    private final InstantSource clock;
    private final TradeEvents events;
    /** What {@link #restore()} could not settle within its bounded lookups: the runner settles it first. */
    private Leftover leftover;
    /** The position whose denied exit was logged at ERROR (once per position, not per candle). */
    private Holding exitDeniedFor;

    private record Leftover(OrderLife.InDoubt doubt, List<JournaledOrder> after, SymbolRules rules) {
    }

    /** A flow without risk limits (no halt, no trip ever denies an entry). */
    public OrderFlow(StrategyIdentity strategy, OrderGateway gateway, Journal journal, SymbolRulesSource rulesSource,
                     LookupBackoff backoff, Sleeper sleeper, InstantSource clock) {
        this(strategy, gateway, journal, rulesSource, backoff, sleeper, clock, noLimits(strategy, clock),
                TradeEvents.NONE);
    }

    /** A flow whose entries ask the strategy's seat in a {@link RiskBook} first. */
    public OrderFlow(StrategyIdentity strategy, OrderGateway gateway, Journal journal, SymbolRulesSource rulesSource,
                     LookupBackoff backoff, Sleeper sleeper, InstantSource clock, RiskBook.Seat seat) {
        this(strategy, gateway, journal, rulesSource, backoff, sleeper, clock, seat, TradeEvents.NONE);
    }

    /** Without risk limits, with {@code events} told of every denied order. */
    public OrderFlow(StrategyIdentity strategy, OrderGateway gateway, Journal journal, SymbolRulesSource rulesSource,
                     LookupBackoff backoff, Sleeper sleeper, InstantSource clock, TradeEvents events) {
        this(strategy, gateway, journal, rulesSource, backoff, sleeper, clock, noLimits(strategy, clock), events);
    }

    /** Entries asking {@code seat} first, and {@code events} told of every denied order. */
    public OrderFlow(StrategyIdentity strategy, OrderGateway gateway, Journal journal, SymbolRulesSource rulesSource,
                     LookupBackoff backoff, Sleeper sleeper, InstantSource clock, RiskBook.Seat seat,
                     TradeEvents events) {
        this(strategy, gateway, journal, rulesSource, backoff, sleeper, clock, new SplittableRandom(), seat, events);
    }

    OrderFlow(StrategyIdentity strategy, OrderGateway gateway, Journal journal, SymbolRulesSource rulesSource,
              LookupBackoff backoff, Sleeper sleeper, InstantSource clock, RandomGenerator jitter) {
        this(strategy, gateway, journal, rulesSource, backoff, sleeper, clock, jitter, noLimits(strategy, clock),
                TradeEvents.NONE);
    }

    OrderFlow(StrategyIdentity strategy, OrderGateway gateway, Journal journal, SymbolRulesSource rulesSource,
              LookupBackoff backoff, Sleeper sleeper, InstantSource clock, RandomGenerator jitter, RiskBook.Seat seat) {
        this(strategy, gateway, journal, rulesSource, backoff, sleeper, clock, jitter, seat, TradeEvents.NONE);
    }

    private OrderFlow(StrategyIdentity strategy, OrderGateway gateway, Journal journal, SymbolRulesSource rulesSource,
                      LookupBackoff backoff, Sleeper sleeper, InstantSource clock, RandomGenerator jitter,
                      RiskBook.Seat seat, TradeEvents events) {
        this.strategy = strategy;
        this.events = events;
        this.journal = journal;
        this.rulesSource = rulesSource;
        this.seat = seat;
        this.clock = clock;
        this.desk = new OrderDesk(strategy, gateway, new RiskMarkingJournal(journal, seat), backoff,
                RetryBackoff.RESOLUTION, sleeper, jitter,
                new InfrastructureRetry(RetryBackoff.INFRASTRUCTURE, sleeper, jitter),
                new SignalAge(strategy.interval(), clock), new Halt(clock));
    }

    private static RiskBook.Seat noLimits(StrategyIdentity strategy, InstantSource clock) {
        // a book of its own that no one can give limits: fixed, so its candles are not marked
        return RiskBook.withFixedLimits(RiskJournal.NONE, clock, RiskSettings.NONE).seat(strategy, "", BigDecimal.ZERO);
    }

    /** True while an order of the strategy is in doubt past the bounded lookups: it trades nothing until it is settled. */
    public boolean halted() {
        return desk.halt().active();
    }

    /** Why the strategy is halted (which order is in doubt, since when); null when it is not. */
    public String haltReason() {
        return desk.halt().reason();
    }

    /** The engine's clock, in epoch ms: when a candle reached the runner. */
    long millis() {
        return clock.millis();
    }

    /**
     * Reconciles the strategy before it trades: its position is rebuilt from the journal's fills and
     * must agree with the recorded one, then every order a previous run left unsettled is looked up
     * and recorded as the exchange has it, never re-sent: its signal is old. An order still in doubt
     * after the bounded lookups halts the strategy and is left to {@link #settleLeftInDoubt}.
     *
     * @throws TradingHaltedException when the state cannot be reconciled (no symbol rules, a position
     *                                its fills contradict)
     */
    Holding restore() throws TradingHaltedException, InterruptedException {
        Holding holding = rebuiltPosition();
        List<JournaledOrder> unsettled = journal.unsettled(strategy.id());
        for (int i = 0; i < unsettled.size(); i++) {
            JournaledOrder order = unsettled.get(i);
            log.atInfo().addKeyValue("clientOrderId", order.clientOrderId()).addKeyValue("status", order.status())
                    .log("settling an order left open by the previous run");
            SymbolRules rules = rules(order.symbol()).orElseThrow(() -> new TradingHaltedException("order "
                    + order.clientOrderId() + " cannot be settled: no symbol rules for " + order.symbol()));
            Done done = new OrderLife(desk, rules, Policy.SETTLE_AT_START, holding).run(new Inherited(order));
            holding = done.holding();
            if (done.unresolved() != null) {
                leftover = new Leftover(done.unresolved(), List.copyOf(unsettled.subList(i + 1, unsettled.size())),
                        rules);
                break;
            }
        }
        seat.open(holding);
        return holding;
    }

    /** Settles what {@link #restore()} left in doubt, looking it up for as long as it takes; the position after it. */
    Holding settleLeftInDoubt(Holding holding) throws InterruptedException {
        if (leftover == null) {
            return holding;
        }
        Holding after = new OrderLife(desk, leftover.rules(), Policy.SETTLE, holding).run(leftover.doubt()).holding();
        for (JournaledOrder order : leftover.after()) {
            after = new OrderLife(desk, leftover.rules(), Policy.SETTLE, after).run(new Inherited(order)).holding();
        }
        leftover = null;
        return after;
    }

    private Holding rebuiltPosition() throws TradingHaltedException {
        Holding recorded = journal.holding(strategy.id(), strategy.symbol());
        List<RecordedExecution> executions = journal.executions(strategy.id());
        if (executions.isEmpty() && recorded.isFlat()) {
            return recorded;
        }
        SymbolRules rules = rules(strategy.symbol()).orElseThrow(() -> new TradingHaltedException(
                "the position cannot be rebuilt from the journal's fills: no symbol rules for " + strategy.symbol()));
        Holding rebuilt = PositionRebuild.from(strategy.symbol(), executions, rules);
        if (!PositionRebuild.agree(recorded, rebuilt, executions, rules.baseAsset())) {
            throw new TradingHaltedException("the recorded position (" + PositionRebuild.describe(recorded)
                    + ") does not match the journal's fills (" + PositionRebuild.describe(rebuilt)
                    + "); trading stops until the journal is put right");
        }
        log.atInfo().addKeyValue("orders", executions.size())
                .addKeyValue("position", rebuilt.position().quantity().toPlainString())
                .log("position rebuilt from the journal's fills");
        return recorded;
    }

    /** Carries out a strategy's intent on its signal candle; returns the position after it. */
    Holding execute(OrderIntent intent, Candle candle, Holding holding) throws InterruptedException {
        Side side = intent.side();
        if (desk.signalAge().stale(side, candle.openTime())) {
            return holding;
        }
        if (side == Side.SELL) {
            return place(side, intent, candle, holding); // a limit never blocks an exit
        }
        Optional<RiskBook.Denial> denial = seat.entry(intent.quoteAmount());
        if (denial.isPresent()) {
            log.atInfo().addKeyValue("side", side).addKeyValue("reason", denial.get().reason())
                    .addKeyValue("detail", denial.get().detail()).addKeyValue("candleOpenTime", candle.openTime())
                    .log("entry denied by a risk limit");
            seat.denied(denial.get(), candle.openTime());
            events.denied(strategy, side, denial.get().reason() + ": " + denial.get().detail());
            return holding;
        }
        Holding after = holding;
        try {
            after = place(side, intent, candle, holding);
            return after;
        } finally {
            seat.entryDone(after);
        }
    }

    /** The candle's close marks the strategy's equity for its limits (it may trip one). */
    void mark(Candle candle) {
        seat.mark(candle);
    }

    /** Where the limits post a flatten request: the runner's queue. */
    void onFlatten(Runnable request) {
        seat.onFlatten(request);
    }

    /**
     * Sells the whole position at once (a kill switch or a trip), priced at the last closed candle,
     * through the usual order life. Its orders carry that candle's close time as their signal time:
     * no candle opens then, so it never collides with the strategy's own order on that candle.
     */
    Holding flatten(Candle last, Holding holding) throws InterruptedException {
        if (holding.isFlat()) {
            log.info("flatten: no open position");
            return holding;
        }
        Optional<SymbolRules> rules = desk.infrastructure().always("fetch the exchange rules of " + last.symbol(),
                () -> rulesSource.rules(last.symbol()));
        if (rules.isEmpty()) {
            log.atError().addKeyValue("reason", "no exchange rules for " + last.symbol()).log("flatten denied");
            return holding;
        }
        RiskDecision decision = PreTradeCheck.sell(rules.get(), holding.position(), last.close());
        if (decision instanceof RiskDecision.Denied denied) {
            denied(Side.SELL, denied.reason(), last, holding);
            return holding;
        }
        log.atWarn().addKeyValue("side", Side.SELL).addKeyValue("position", holding.position().quantity().toPlainString())
                .addKeyValue("close", last.close().toPlainString()).log("flatten: selling the open position");
        Opening sell = new Opening(Side.SELL, ((RiskDecision.Approved) decision).quantity(), last.close(),
                last.closeTime(), 1);
        return new OrderLife(desk, rules.get(), Policy.TRADE, holding).run(sell).holding();
    }

    private Holding place(Side side, OrderIntent intent, Candle candle, Holding holding) throws InterruptedException {
        Optional<Optional<SymbolRules>> fetched = desk.infrastructure().until("fetch the exchange rules of "
                + candle.symbol(), () -> rulesSource.rules(candle.symbol()),
                () -> desk.signalAge().stale(side, candle.openTime()));
        if (fetched.isEmpty()) {
            return holding;
        }
        if (fetched.get().isEmpty()) {
            log.atWarn().addKeyValue("side", side).addKeyValue("reason", "no exchange rules for " + candle.symbol())
                    .log("order denied");
            events.denied(strategy, side, "NO_RULES: no exchange rules for " + candle.symbol());
            return holding;
        }
        SymbolRules rules = fetched.get().get();
        RiskDecision decision = switch (side) {
            case BUY -> PreTradeCheck.buy(rules, holding.position(), intent.quoteAmount(), candle.close());
            case SELL -> PreTradeCheck.sell(rules, holding.position(), candle.close());
        };
        if (decision instanceof RiskDecision.Denied denied) {
            denied(side, denied.reason(), candle, holding);
            return holding;
        }
        Opening first = new Opening(side, ((RiskDecision.Approved) decision).quantity(), candle.close(),
                candle.openTime(), 1);
        return new OrderLife(desk, rules, Policy.TRADE, holding).run(first).holding();
    }

    /** A denied exit leaves a position nobody can sell: an operator must hear of it, once per position. */
    private void denied(Side side, String reason, Candle candle, Holding holding) {
        events.denied(strategy, side, reason);
        boolean stuckExit = side == Side.SELL && !holding.isFlat();
        if (stuckExit && !holding.equals(exitDeniedFor)) {
            exitDeniedFor = holding;
            log.atError().addKeyValue("side", side).addKeyValue("reason", reason)
                    .addKeyValue("position", holding.position().quantity().toPlainString())
                    .addKeyValue("close", candle.close().toPlainString()).addKeyValue("candleOpenTime", candle.openTime())
                    .log("exit denied: the position is below the symbol's minimum order and cannot be sold;"
                            + " it stays open until it is sold by hand");
            return;
        }
        log.atInfo().addKeyValue("side", side).addKeyValue("reason", reason)
                .addKeyValue("candleOpenTime", candle.openTime()).log("order denied");
    }

    private Optional<SymbolRules> rules(String symbol) {
        return rulesSource.rules(symbol);
    }
}
