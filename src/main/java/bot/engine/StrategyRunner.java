package bot.engine;

import bot.domain.Candle;
import bot.domain.CandleSeries;
import bot.domain.Position;
import bot.strategy.Strategy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one strategy on its own virtual thread, which drains a queue of candles and is the only
 * caller of the strategy. Feed threads only enqueue. Warm-up candles go to the strategy with
 * {@code warmingUp()} true; each later closed candle once, in order; the intent it leaves goes
 * through the {@link OrderFlow}. A strategy that throws stops this runner only (FAILED); an
 * infrastructure error never does. While an order is in doubt past its bounded lookups the runner
 * is HALTED: it keeps looking the order up on its own thread, candles wait in its queue, and once
 * the order is settled it goes on with them (entries on them are stale by then, exits still go).
 */
public final class StrategyRunner implements CandleListener {
    private static final Logger log = LoggerFactory.getLogger(StrategyRunner.class);

    public enum State { NEW, RUNNING, STOPPED, FAILED, HALTED }

    private sealed interface Event {
    }

    private record History(List<Candle> candles) implements Event {
    }

    private record Closed(Candle candle, long arrivedAt) implements Event {
    }

    private record ClosedBatch(List<Candle> candles, long arrivedAt) implements Event {
    }

    private record Tick(Candle candle) implements Event {
    }

    private record Stop() implements Event {
    }

    /** Sell the open position now (a kill switch or a trip); posted by the risk limits from any thread. */
    private record Flatten() implements Event {
    }

    private final StrategyIdentity identity;
    private final Strategy strategy;
    private final RunnerContext context;
    private final OrderFlow flow;
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private volatile State state = State.NEW;
    private volatile boolean reconciled;
    private final AtomicReference<Thread> thread = new AtomicReference<>();
    private long lastOpenTime = Long.MIN_VALUE;
    /** The last candle handled (warm-up ones too): what a flatten is priced at. */
    private Candle flattenPrice;
    /** A flatten asked for before any candle came: done on the first one. */
    private boolean flattenPending;
    /** Written by the runner's thread only, read by monitoring: see {@link #view()}. */
    private volatile boolean warmedUp;
    private volatile RunnerView.HandledCandle lastCandle;
    private volatile Position position;
    private volatile String failure;

    public StrategyRunner(StrategyIdentity identity, Strategy strategy, bot.strategy.StrategyParameters parameters,
                          OrderFlow flow) {
        this.identity = identity;
        this.strategy = strategy;
        this.flow = flow;
        this.context = new RunnerContext(parameters, Holding.flat(identity.symbol()));
        flow.onFlatten(this::flatten);
    }

    public StrategyIdentity identity() {
        return identity;
    }

    /** What the runner is doing now, for status and monitoring; cheap, and safe from any thread. */
    public RunnerView view() {
        State current = state();
        String reason = switch (current) {
            case HALTED -> flow.haltReason() != null ? flow.haltReason() : failure; // an order in doubt, or reconciling
            case FAILED -> failure;
            default -> null;
        };
        return new RunnerView(current, reason, warmedUp, lastCandle, position);
    }

    public int warmupCandles() {
        return strategy.warmupCandles();
    }

    public State state() {
        State current = state;
        return (current == State.NEW || current == State.RUNNING) && flow.halted() ? State.HALTED : current;
    }

    /**
     * Reconciles the strategy on the calling thread (see {@link OrderFlow#restore()}): true when it
     * may run (an order still in doubt is then settled by the runner's thread before any candle).
     * Otherwise it is HALTED (its state could not be reconciled) or FAILED, says why in the log, and
     * must not be started.
     */
    public boolean reconcile() {
        MDC.put("strategy", identity.name());
        MDC.put("symbol", identity.symbol());
        try {
            context.holding(flow.restore());
            position = context.position();
            reconciled = true;
            log.atInfo().addKeyValue("position", context.position().quantity().toPlainString())
                    .addKeyValue("halted", flow.halted()).log("strategy reconciled with the journal and the exchange");
            return true;
        } catch (TradingHaltedException e) {
            failure = "its state cannot be reconciled: " + e.getMessage();
            state = State.HALTED;
            log.error("strategy refused: its state cannot be reconciled: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = State.STOPPED;
            log.warn("reconciliation interrupted; the strategy's orders stay in the journal for the next start");
        } catch (RuntimeException e) {
            failure = "reconciling it failed: " + e;
            state = State.FAILED;
            log.error("strategy refused: reconciling it failed", e);
        } finally {
            MDC.clear();
        }
        return false;
    }

    /** Starts the runner's thread: it reconciles the strategy unless that was done, then drains its queue. */
    public void start() {
        Thread runner = Thread.ofVirtual().name("runner-" + identity.name()).unstarted(this::run);
        if (!thread.compareAndSet(null, runner)) {
            throw new IllegalStateException("runner " + identity.name() + " already started");
        }
        state = State.RUNNING;
        runner.start();
    }

    /** Asks the runner to stop once it has handled every candle queued so far. */
    public void stop() {
        queue.add(new Stop());
    }

    /** Waits for the thread to end; true when it did. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        Thread t = thread.get();
        return t == null || t.join(timeout);
    }

    /** Cuts a wait short (an order lookup): the order stays in the journal for the next start. */
    public void interrupt() {
        Thread t = thread.get();
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public void onHistory(List<Candle> closedCandles) {
        enqueue(new History(List.copyOf(closedCandles)));
    }

    @Override
    public void onClosed(Candle closed) {
        enqueue(new Closed(closed, flow.millis()));
    }

    /**
     * Closed candles handed over at once, each then handled exactly as {@link #onClosed} would: how a
     * replay feeds stored candles, with one handoff to the runner's thread per batch instead of per
     * candle (the handoff costs several times what mean_reversion does with a candle).
     */
    public void replay(List<Candle> closedCandles) {
        // A CandleSeries is immutable already, and copying it would build every candle at once.
        List<Candle> batch = closedCandles instanceof CandleSeries ? closedCandles : List.copyOf(closedCandles);
        enqueue(new ClosedBatch(batch, flow.millis()));
    }

    /** Asks the runner to sell its open position at once, on its own thread (after what is queued before it). */
    public void flatten() {
        if (thread.get() == Thread.currentThread()) {
            // A limit tripped while this runner marked a candle: sold at that candle, before the next one
            // is handled, even inside a replayed batch (the queued request then finds the position flat).
            flattenPending = true;
        }
        enqueue(new Flatten());
    }

    @Override
    public void onTick(Candle forming) {
        enqueue(new Tick(forming));
    }

    private void enqueue(Event event) {
        if (state == State.NEW || state == State.RUNNING) {
            queue.add(event);
        }
    }

    private void run() {
        if (!reconciled && !reconcile()) {
            return;
        }
        MDC.put("strategy", identity.name());
        MDC.put("symbol", identity.symbol());
        try {
            log.atInfo().addKeyValue("position", context.position().quantity().toPlainString())
                    .addKeyValue("warmupCandles", strategy.warmupCandles()).log("runner started");
            context.holding(flow.settleLeftInDoubt(context.holding()));
            drain();
            state = State.STOPPED;
            log.info("runner stopped");
        } catch (StrategyFailure e) {
            failure = "the strategy threw " + e.getCause();
            state = State.FAILED;
            log.error("strategy failed and is stopped; the others go on", e.getCause());
        } catch (InterruptedException e) {
            state = State.STOPPED;
            log.warn("runner interrupted while waiting on an order; it stays in the journal for the next start");
        } catch (RuntimeException e) {
            failure = "the runner failed: " + e;
            state = State.FAILED;
            log.error("runner failed and is stopped; the others go on", e);
        } finally {
            MDC.clear();
        }
    }

    private void drain() throws InterruptedException {
        while (true) {
            Event event = queue.take();
            switch (event) {
                case Stop s -> {
                    return;
                }
                case History h -> {
                    for (Candle candle : h.candles()) {
                        handle(candle, RunnerContext.Phase.WARMUP);
                    }
                    warmedUp = true;
                }
                case Closed c -> {
                    if (handle(c.candle(), RunnerContext.Phase.LIVE)) {
                        handled(c.candle(), c.arrivedAt());
                    }
                }
                case ClosedBatch b -> {
                    Candle last = null;
                    for (Candle candle : b.candles()) {
                        last = handle(candle, RunnerContext.Phase.LIVE) ? candle : last;
                    }
                    if (last != null) {
                        handled(last, b.arrivedAt()); // once per batch: a replay's pace is untouched
                    }
                }
                case Tick t -> tick(t.candle());
                case Flatten f -> flattenNow();
            }
        }
    }

    /** Publishes a live candle handled, for monitoring: two volatile writes, nothing on the candle path waits. */
    private void handled(Candle candle, long arrivedAt) {
        lastCandle = new RunnerView.HandledCandle(candle.openTime(), candle.closeTime(), candle.close(), arrivedAt);
        position = context.position();
    }

    /** True when the candle went to the strategy (not dropped as defective or seen already). */
    private boolean handle(Candle candle, RunnerContext.Phase phase) throws InterruptedException {
        if (!candle.closed() || candle.defect() != null) {
            log.atError().addKeyValue("openTime", candle.openTime())
                    .addKeyValue("reason", candle.closed() ? candle.defect() : "not closed").log("candle dropped");
            return false;
        }
        if (candle.openTime() <= lastOpenTime) {
            log.atDebug().addKeyValue("openTime", candle.openTime()).log("candle seen already, dropped");
            return false;
        }
        lastOpenTime = candle.openTime();
        flattenPrice = candle;
        if (phase == RunnerContext.Phase.LIVE) {
            flow.mark(candle);
            if (flattenPending) {
                flattenNow();
            }
        }
        context.begin(phase);
        call(() -> strategy.onCandle(candle, context));
        OrderIntent intent = context.takeIntent();
        if (intent != null) {
            log.atInfo().addKeyValue("side", intent.side()).addKeyValue("close", candle.close().toPlainString())
                    .addKeyValue("candleOpenTime", candle.openTime()).log("signal");
            context.holding(flow.execute(intent, candle, context.holding()));
        }
        return true;
    }

    private void flattenNow() throws InterruptedException {
        if (flattenPrice == null) {
            flattenPending = true;
            return;
        }
        flattenPending = false;
        context.holding(flow.flatten(flattenPrice, context.holding()));
    }

    private void tick(Candle forming) {
        context.begin(RunnerContext.Phase.TICK);
        call(() -> strategy.onTick(forming, context));
        context.takeIntent();
    }

    private static void call(Runnable strategyCode) {
        try {
            strategyCode.run();
        } catch (RuntimeException | StackOverflowError e) {
            throw new StrategyFailure(e);
        }
    }

    /** Marks an exception thrown by strategy code, as opposed to the engine's own. */
    private static final class StrategyFailure extends RuntimeException {
        StrategyFailure(Throwable cause) {
            super(cause);
        }
    }
}
