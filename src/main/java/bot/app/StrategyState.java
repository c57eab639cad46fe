package bot.app;

import bot.domain.Interval;
import bot.engine.RunnerView;

/**
 * What {@code bot status} says a strategy is doing: a state code and, for the states that have one,
 * the reason. Derived from the daemon's {@link StrategyActivity} and the time; pure.
 */
public record StrategyState(Code code, String reason) {

    public enum Code {
        STARTING("starting"), WARMING_UP("warming up"), RUNNING("running"),
        WAITING_FOR_NETWORK("waiting for the network"), HALTED("halted"), FAILED("failed"), REFUSED("refused"),
        STOPPED("stopped");

        private final String text;

        Code(String text) {
            this.text = text;
        }

        /** As stored in strategy_status.state: running, warming_up, ... */
        public String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String text() {
            return text;
        }

        /** A state an operator must hear of. */
        public boolean alarming() {
            return this == HALTED || this == FAILED || this == REFUSED;
        }

        public static Code ofColumn(String column) {
            return valueOf(column.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** How many intervals without a closed candle make a running stream count as lost. */
    static final int SILENT_INTERVALS = 2;

    /**
     * How long a warm-up may take before the strategy counts as waiting for the network: the candles
     * come from one REST request (at most 8 at once over the host's weight budget), seconds at most.
     */
    static final long WARM_UP_PATIENCE_MILLIS = 60_000;

    /** The same, for a strategy seen in its phase from {@code nowMillis} on. */
    public static StrategyState of(StrategyActivity activity, long nowMillis, long runningSinceMillis) {
        return of(activity, nowMillis, runningSinceMillis, nowMillis);
    }

    /**
     * The state of one strategy at {@code nowMillis} (the engine's clock). {@code runningSinceMillis}
     * is when its runner was first seen running, for a stream silent from the start;
     * {@code phaseSinceMillis} when it was first seen in its present phase, for a warm-up that does
     * not come (Binance unreachable at start).
     */
    public static StrategyState of(StrategyActivity activity, long nowMillis, long runningSinceMillis,
            long phaseSinceMillis) {
        return switch (activity.phase()) {
            case "PREPARING", "RECONCILING" -> new StrategyState(Code.STARTING, null);
            case "SUBSCRIBING" -> warmingUp(nowMillis - phaseSinceMillis);
            case "WAITING_TO_RETRY" -> new StrategyState(activity.refusalPassing() ? Code.WAITING_FOR_NETWORK
                    : Code.REFUSED, activity.refusal());
            case "RUNNING" -> running(activity, nowMillis, runningSinceMillis);
            default -> new StrategyState(Code.STOPPED, null);
        };
    }

    private static StrategyState running(StrategyActivity activity, long nowMillis, long runningSinceMillis) {
        RunnerView view = activity.runner();
        if (view == null) {
            return new StrategyState(Code.STARTING, null);
        }
        return switch (view.state()) {
            case HALTED -> new StrategyState(Code.HALTED, view.reason());
            case FAILED -> new StrategyState(Code.FAILED, view.reason());
            case STOPPED -> new StrategyState(Code.STOPPED, null);
            case NEW, RUNNING -> {
                if (!view.warmedUp()) {
                    yield warmingUp(nowMillis - runningSinceMillis);
                }
                long interval = Interval.parse(activity.interval()).nominalMillis();
                long since = view.lastCandle() == null ? runningSinceMillis : view.lastCandle().closeTime();
                long silent = nowMillis - since;
                yield silent > SILENT_INTERVALS * interval
                        ? new StrategyState(Code.WAITING_FOR_NETWORK, "no closed candle for " + silent / 1000 + " s")
                        : new StrategyState(Code.RUNNING, null);
            }
        };
    }

    private static StrategyState warmingUp(long waitedMillis) {
        return waitedMillis > WARM_UP_PATIENCE_MILLIS
                ? new StrategyState(Code.WAITING_FOR_NETWORK, "no warm-up candles after " + waitedMillis / 1000 + " s")
                : new StrategyState(Code.WARMING_UP, null);
    }

    /** "halted: reason", or the plain state. */
    public String describe() {
        return reason == null ? code.text() : code.text() + ": " + reason;
    }
}
