package bot.engine;

import bot.domain.ExecutionReport;
import bot.domain.OrderRequest;
import bot.domain.OrderStatus;
import bot.domain.OrderType;
import bot.domain.Side;
import bot.domain.SymbolRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One order's life as a state machine: each state says what happens on each answer of the gateway.
 *
 * <pre>
 * Opening   : entry signal stale                        -> Done (nothing journaled, nothing sent)
 *             journal row written (PENDING, new id)     -> Journaled
 *             that candle and attempt journaled already -> Done (nothing sent)
 * Journaled : entry signal stale                        -> Done (row EXPIRED, never sent)
 *             sent; final answer                        -> Final
 *             sent; not final or unknown                -> InDoubt
 * Inherited : (a previous run's order) looked up at once, then as InDoubt
 * InDoubt   : looked up after the next wait; final      -> Final
 *             not final or unknown                      -> InDoubt (past the bounded waits: halted, or
 *                                                          Done unresolved when settling at start)
 *             does not exist                            -> Missing
 * Missing   : may resend                                -> Opening (next attempt, a NEW client order id)
 *             may not (settling, entry stale, attempts used up) -> Done
 * Final     : recorded with the position and round trip -> Done
 * </pre>
 *
 * Exactly once: an id is sent once at most, after its journal row is written; an order in doubt is
 * sent again (under a new id) only once the exchange says it does not exist. Every journal write is
 * tried until it sticks; a gateway answer is never lost to a database error and never causes a resend.
 */
final class OrderLife {
    private static final Logger log = LoggerFactory.getLogger(OrderLife.class);
    /** Sends of one entry signal at most, counting the first; an exit is sent until the exchange has it. */
    static final int MAX_ENTRY_ATTEMPTS = 3;

    enum Policy {
        /** A new signal's order: sent again when the exchange does not have it; in doubt, looked up as long as it takes. */
        TRADE(true, false),
        /** A previous run's order at start-up: never sent again; after the bounded lookups left to the runner. */
        SETTLE_AT_START(false, true),
        /** A previous run's order, settled by its runner: never sent again; looked up as long as it takes. */
        SETTLE(false, false);

        final boolean resends;
        final boolean bounded;

        Policy(boolean resends, boolean bounded) {
            this.resends = resends;
            this.bounded = bounded;
        }
    }

    sealed interface State permits Opening, Journaled, Inherited, InDoubt, Missing, Final, Done {
    }

    record Opening(Side side, BigDecimal quantity, BigDecimal signalPrice, long candleOpenTime, int attempt)
            implements State {
    }

    record Journaled(JournaledOrder order) implements State {
    }

    record Inherited(JournaledOrder order) implements State {
    }

    /** Sent, outcome not final; {@code lookups} done so far since it was sent (or inherited). */
    record InDoubt(JournaledOrder order, int lookups, String lastAnswer) implements State {
    }

    record Missing(JournaledOrder order) implements State {
    }

    record Final(JournaledOrder order, ExecutionReport report) implements State {
    }

    /** The position after the order; {@code unresolved} the order still in doubt when settling at start gave up. */
    record Done(Holding holding, InDoubt unresolved) implements State {
    }

    private final OrderDesk desk;
    private final SymbolRules rules;
    private final Policy policy;
    private final Holding before;

    OrderLife(OrderDesk desk, SymbolRules rules, Policy policy, Holding before) {
        this.desk = desk;
        this.rules = rules;
        this.policy = policy;
        this.before = before;
    }

    /** Runs the order from {@code state} until its life is over. */
    Done run(State state) throws InterruptedException {
        State current = state;
        String outcome = "nothing sent";
        while (!(current instanceof Done)) {
            current = next(current);
            if (current instanceof Final f) {
                outcome = f.report().status().name();
            } else if (current instanceof Missing) {
                outcome = "does not exist at the exchange";
            }
        }
        Done done = (Done) current;
        if (done.unresolved() == null) {
            desk.halt().end(outcome);
        }
        return done;
    }

    private State next(State state) throws InterruptedException {
        return switch (state) {
            case Opening o -> open(o);
            case Journaled j -> send(j.order());
            case Inherited i -> answered(i.order(), lookUp(i.order()), 0);
            case InDoubt d -> lookUpAgain(d);
            case Missing m -> missing(m.order());
            case Final f -> settle(f.order(), f.report());
            case Done d -> d;
        };
    }

    private State open(Opening o) throws InterruptedException {
        if (stale(o.side(), o.candleOpenTime())) {
            return new Done(before, null);
        }
        Journal journal = desk.journal();
        StrategyIdentity strategy = desk.strategy();
        long number = desk.infrastructure().always("take an order number", journal::nextOrderNumber);
        String clientOrderId = ClientOrderIds.of(strategy.id(), o.candleOpenTime(), number);
        OrderRequest request = new OrderRequest(clientOrderId, strategy.symbol(), o.side(), OrderType.MARKET, o.quantity(),
                o.signalPrice(), o.candleOpenTime());
        // retried with the same id: the journal answers a row it committed before its answer was lost
        Optional<Long> orderId = desk.infrastructure().always("journal the order",
                () -> journal.open(strategy, request, o.attempt()));
        if (orderId.isEmpty()) {
            log.atWarn().addKeyValue("candleOpenTime", o.candleOpenTime()).addKeyValue("attempt", o.attempt())
                    .log("an order for this candle is journaled already; not sending another");
            return new Done(before, null);
        }
        return new Journaled(new JournaledOrder(orderId.get(), clientOrderId, strategy.symbol(), o.side(),
                OrderType.MARKET, o.quantity(), o.signalPrice(), o.candleOpenTime(), o.attempt(), OrderStatus.PENDING));
    }

    private State send(JournaledOrder order) throws InterruptedException {
        if (stale(order.side(), order.candleOpenTime())) {
            record(order, OrderStatus.EXPIRED, "not sent: its signal went stale");
            return new Done(before, null);
        }
        log.atInfo().addKeyValue("clientOrderId", order.clientOrderId()).addKeyValue("side", order.side())
                .addKeyValue("qty", order.requestedQty().toPlainString())
                .addKeyValue("signalPrice", order.signalPrice().toPlainString())
                .addKeyValue("candleOpenTime", order.candleOpenTime()).addKeyValue("attempt", order.attempt())
                .log("order sent");
        ExecutionReport answer;
        try {
            // an entry carries how long it may still wait: a gateway held back by the rate-limit budget
            // longer than that does not send it (it comes back as not found, and ends EXPIRED)
            answer = desk.gateway().submit(new OrderRequest(order.clientOrderId(), order.symbol(), order.side(),
                    order.type(), order.requestedQty(), order.signalPrice(), order.candleOpenTime(),
                    desk.signalAge().timeLeft(order.side(), order.candleOpenTime())));
        } catch (RuntimeException e) {
            answer = unknown(order, "the gateway failed: " + e); // it may have left: look it up, never resend blindly
        }
        return answered(order, Optional.of(answer), 0);
    }

    private State lookUpAgain(InDoubt doubt) throws InterruptedException {
        JournaledOrder order = doubt.order();
        List<Duration> bounded = desk.lookups().waits();
        Duration wait;
        if (doubt.lookups() < bounded.size()) {
            wait = bounded.get(doubt.lookups());
        } else {
            desk.halt().begin(order, doubt.lastAnswer());
            if (policy.bounded) {
                return new Done(before, doubt);
            }
            wait = desk.resolution().wait(doubt.lookups() - bounded.size(), desk.random());
        }
        log.atWarn().addKeyValue("clientOrderId", order.clientOrderId()).addKeyValue("lookups", doubt.lookups())
                .addKeyValue("waitMs", wait.toMillis()).log("order outcome not known yet; looking it up");
        desk.sleeper().sleep(wait);
        return answered(order, lookUp(order), doubt.lookups() + 1);
    }

    private Optional<ExecutionReport> lookUp(JournaledOrder order) {
        try {
            return desk.gateway().lookup(order.symbol(), order.clientOrderId());
        } catch (RuntimeException e) {
            return Optional.of(unknown(order, "the lookup failed: " + e));
        }
    }

    /** The state an answer leads to; empty means the exchange says the order does not exist. */
    private State answered(JournaledOrder order, Optional<ExecutionReport> answer, int lookups)
            throws InterruptedException {
        if (answer.isEmpty()) {
            return new Missing(order);
        }
        ExecutionReport report = answer.get();
        if (report.status().isTerminal()) {
            return new Final(order, report);
        }
        desk.infrastructure().run("record the order's status", () -> desk.journal().record(
                Settlement.statusOnly(order.id(), report)));
        return new InDoubt(order, lookups, report.status() + (report.reason() == null ? "" : ": " + report.reason()));
    }

    private State missing(JournaledOrder order) throws InterruptedException {
        boolean entry = order.side() == Side.BUY;
        String reason;
        boolean again = false;
        if (!policy.resends) {
            reason = "its signal is old, not sent again";
        } else if (entry && order.attempt() >= MAX_ENTRY_ATTEMPTS) {
            reason = "gave up after " + MAX_ENTRY_ATTEMPTS + " attempts";
        } else if (stale(order.side(), order.candleOpenTime())) {
            reason = "its signal went stale, not sent again";
        } else {
            reason = "sent again under a new id";
            again = true;
        }
        record(order, OrderStatus.EXPIRED, "does not exist at the exchange; " + reason);
        log.atWarn().addKeyValue("clientOrderId", order.clientOrderId()).addKeyValue("reason", reason)
                .log("order not found at the exchange");
        if (!again) {
            return new Done(before, null);
        }
        return new Opening(order.side(), order.requestedQty(), order.signalPrice(), order.candleOpenTime(),
                order.attempt() + 1);
    }

    private State settle(JournaledOrder order, ExecutionReport report) throws InterruptedException {
        Settlement settlement = PositionKeeper.settle(order.id(), order.side(), report, before, rules);
        desk.infrastructure().run("record the order's outcome", () -> desk.journal().record(settlement));
        log.atInfo().addKeyValue("clientOrderId", order.clientOrderId()).addKeyValue("side", order.side())
                .addKeyValue("status", report.status()).addKeyValue("qty", report.executedQty().toPlainString())
                .addKeyValue("price", report.averagePrice() == null ? null : report.averagePrice().toPlainString())
                .addKeyValue("reason", report.reason())
                .log("order " + report.status().name().toLowerCase(Locale.ROOT));
        if (settlement.roundTrip() != null) {
            log.atInfo().addKeyValue("clientOrderId", order.clientOrderId())
                    .addKeyValue("netPnl", settlement.roundTrip().netPnl().toPlainString()).log("round trip closed");
        }
        return new Done(settlement.holding() == null ? before : settlement.holding(), null);
    }

    private boolean stale(Side side, long candleOpenTime) {
        return desk.signalAge().stale(side, candleOpenTime);
    }

    private void record(JournaledOrder order, OrderStatus status, String reason) throws InterruptedException {
        ExecutionReport report = new ExecutionReport(order.clientOrderId(), status, null, BigDecimal.ZERO,
                BigDecimal.ZERO, List.of(), reason, null);
        desk.infrastructure().run("record the order's status", () -> desk.journal().record(
                Settlement.statusOnly(order.id(), report)));
    }

    private ExecutionReport unknown(JournaledOrder order, String reason) {
        return new ExecutionReport(order.clientOrderId(), OrderStatus.UNKNOWN, null, BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(), reason, null);
    }
}
