package bot.engine;

import bot.domain.Candle;
import bot.domain.ClosedTrade;
import bot.risk.Block;
import bot.risk.EquityWatch;
import bot.risk.Limits;
import bot.risk.OnTrip;
import bot.risk.RiskSettings;
import bot.risk.Scope;
import bot.risk.Trip;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk limits of every strategy a process runs, shared by their runners: each runner's
 * {@link Seat} marks its equity on every closed candle and every settled order, and asks before
 * every entry (never before an exit). Halts, trips and limits come in through {@link #apply} (the
 * app re-reads them from the database on every change; a test or a backtest hands them over);
 * trips found here are written through the {@link RiskJournal}. Account scopes sum their
 * strategies. A flatten (a halt with it, or a trip with {@code on_trip=flatten}) is a request posted
 * to each runner concerned, which sells on its own thread.
 */
public final class RiskBook {
    private static final Logger log = LoggerFactory.getLogger(RiskBook.class);

    /** Why an entry is not sent: {@code reason} is what bot report counts (halted, max_drawdown, ...). */
    public record Denial(String reason, String detail) {
    }

    private final RiskJournal journal;
    private final InstantSource clock;
    private final boolean limitsFixed;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private RiskSettings settings = RiskSettings.NONE;
    private boolean applied;
    private final Map<Long, Seat> seats = new LinkedHashMap<>();
    private final Map<Scope, EquityWatch> watches = new HashMap<>();
    private final Map<Scope, Instant> resumesSeen = new HashMap<>();
    /** Trips found here, in force even before (or if never) the database gives them back. */
    private final List<Block> localTrips = new ArrayList<>();
    private final Set<Long> haltsSeen = new HashSet<>();

    public RiskBook(RiskJournal journal, InstantSource clock) {
        this(journal, clock, false);
    }

    private RiskBook(RiskJournal journal, InstantSource clock, boolean limitsFixed) {
        this.journal = journal;
        this.clock = clock;
        this.limitsFixed = limitsFixed;
    }

    /**
     * A book whose limits never change (a backtest's): a scope without a drawdown or daily-loss limit
     * is then never marked, as no later limit can look back at its path. Marking took more of a
     * backtest's time than the strategy did.
     */
    public static RiskBook withFixedLimits(RiskJournal journal, InstantSource clock, RiskSettings settings) {
        RiskBook book = new RiskBook(journal, clock, true);
        book.apply(settings);
        return book;
    }

    /** Limits held in memory only: hand them over with {@link #apply}. */
    public static RiskBook inMemory(InstantSource clock) {
        return new RiskBook(RiskJournal.NONE, clock);
    }

    /** A strategy's place in the book; {@code capital} is what it stakes per entry (its order_value). */
    public Seat seat(StrategyIdentity strategy, String account, BigDecimal capital) {
        return new Seat(strategy, account, capital);
    }

    /**
     * The limits, halts and resumes now in force (idempotent: a re-read of the same applies nothing
     * new). A resume newer than the last one seen restarts the scope's drawdown from its equity now; a
     * new halt with flatten sells the scope's open positions.
     */
    public void apply(RiskSettings next) {
        List<Seat> toFlatten = new ArrayList<>();
        lock.lock();
        try {
            if (limitsFixed && applied) {
                throw new IllegalStateException("this book's limits are fixed");
            }
            Instant now = clock.instant();
            for (Map.Entry<Scope, Instant> resume : next.resumes().entrySet()) {
                Instant seen = resumesSeen.put(resume.getKey(), resume.getValue());
                if (applied && (seen == null || resume.getValue().isAfter(seen))) {
                    resumed(resume.getKey(), resume.getValue());
                }
            }
            for (Block block : next.blocks()) {
                if (block.isHalt() && haltsSeen.add(block.id())) {
                    log.atWarn().addKeyValue("scope", block.scope().toString()).addKeyValue("reason", block.reason())
                            .addKeyValue("flatten", block.flatten()).log("halt applied: no entries in its scope");
                    if (block.flatten() && block.activeAt(now)) {
                        seats.values().stream().filter(s -> s.in(block.scope())).forEach(toFlatten::add);
                    }
                }
            }
            settings = next;
            applied = true;
        } finally {
            lock.unlock();
        }
        toFlatten.forEach(Seat::requestFlatten);
    }

    private void resumed(Scope scope, Instant at) {
        log.atWarn().addKeyValue("scope", scope.toString()).log("resumed: entries allowed again in its scope");
        // Every trip it covers is lifted, whatever its time: the resume's time is the clock of the host that
        // ran bot resume, the trip's this daemon's, and the two may disagree.
        localTrips.removeIf(t -> covers(scope, t.scope()));
        watches.forEach((watched, watch) -> {
            if (covers(scope, watched)) {
                watch.resume(scopeEquity(watched));
            }
        });
    }

    /** True when a halt or resume of {@code outer} applies to {@code inner}. */
    private static boolean covers(Scope outer, Scope inner) {
        return outer.kind() == Scope.Kind.ALL || outer.equals(inner);
    }

    // Plain loops: an account's sums are taken on every candle of each of its strategies.
    private BigDecimal scopeEquity(Scope scope) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Seat seat : seats.values()) {
            if (seat.own(scope)) {
                sum = sum.add(seat.equity());
            }
        }
        return sum;
    }

    private BigDecimal scopeCapital(Scope scope) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Seat seat : seats.values()) {
            if (seat.own(scope)) {
                sum = sum.add(seat.capital);
            }
        }
        return sum;
    }

    private Optional<Block> blocking(Scope scope, String limit, Instant now) {
        List<Block> all = new ArrayList<>(settings.blocks());
        all.addAll(localTrips);
        return all.stream().filter(b -> b.scope().equals(scope) && (limit == null || limit.equals(b.limit()))
                && b.activeAt(now)).findFirst();
    }

    private Instant lastResume(Scope scope) {
        Instant own = settings.resumes().get(scope);
        Instant all = settings.resumes().get(Scope.ALL);
        return own == null ? all : all == null || own.isAfter(all) ? own : all;
    }

    /** Logs and keeps the trips; outside the lock: journals them and asks for the flattens. */
    private void tripped(List<Trip> trips) {
        for (Trip trip : trips) {
            log.atError().addKeyValue("scope", trip.scope().toString()).addKeyValue("limit", trip.limit().code())
                    .addKeyValue("value", trip.value().toPlainString())
                    .addKeyValue("threshold", trip.threshold().toPlainString())
                    .addKeyValue("until", trip.until() == null ? "bot resume" : trip.until().toString())
                    .log("risk limit tripped: no entries in its scope");
            try {
                journal.tripped(new RiskJournal.TripRecord(trip.scope().kind().code(), trip.scope().name(),
                        trip.limit().code(), trip.reason(), trip.value(), trip.threshold(), trip.at(), trip.until()));
            } catch (RuntimeException e) {
                log.atError().addKeyValue("scope", trip.scope().toString()).addKeyValue("limit", trip.limit().code())
                        .log("the trip could not be written; it holds in this process: {}", e.toString());
            }
            List<Seat> toFlatten = new ArrayList<>();
            lock.lock();
            try {
                if (settings.limitsOf(trip.scope()).onTrip() == OnTrip.FLATTEN) {
                    seats.values().stream().filter(s -> s.in(trip.scope())).forEach(toFlatten::add);
                }
            } finally {
                lock.unlock();
            }
            toFlatten.forEach(Seat::requestFlatten);
        }
    }

    /** Keeps the trips not already in force; the lock is held. */
    private List<Trip> fresh(List<Trip> trips, Instant now) {
        List<Trip> kept = new ArrayList<>();
        for (Trip trip : trips) {
            if (blocking(trip.scope(), trip.limit().code(), now).isEmpty()) {
                localTrips.add(trip.asBlock());
                kept.add(trip);
            }
        }
        return kept;
    }

    /** One strategy's place in the book; its methods are called by its runner's thread. */
    public final class Seat {
        private final StrategyIdentity strategy;
        private final Scope own;
        private final Scope account;
        private final BigDecimal capital;
        // Guarded by the book's lock.
        private Holding holding;
        private BigDecimal lastClose;
        private BigDecimal realized = BigDecimal.ZERO;
        private List<ClosedTrade> history = List.of();
        private BigDecimal reserved = BigDecimal.ZERO;
        private volatile Runnable flatten = () -> { };
        // Whether a closed candle marks the scope's equity: always, unless the limits are fixed and have none for it.
        private boolean markOwn = true;
        private boolean markAccount = true;

        private Seat(StrategyIdentity strategy, String account, BigDecimal capital) {
            this.strategy = strategy;
            this.own = Scope.strategy(strategy.name());
            this.account = Scope.account(account);
            this.capital = capital;
            this.holding = Holding.flat(strategy.symbol());
        }

        /** What a flatten request does: post a command to the runner's queue (never sell from another thread). */
        public void onFlatten(Runnable request) {
            this.flatten = request;
        }

        void requestFlatten() {
            log.atWarn().addKeyValue("strategy", strategy.name()).log("flatten requested: the open position is sold");
            flatten.run();
        }

        boolean in(Scope scope) {
            return scope.kind() == Scope.Kind.ALL || scope.equals(own) || scope.equals(account);
        }

        /** Whose equity counts in {@code scope} (every scope but ALL, which has no limits). */
        boolean own(Scope scope) {
            return scope.equals(own) || scope.equals(account);
        }

        /** Realized PnL plus the open position at the last close (at its cost until a close is seen). */
        BigDecimal equity() {
            BigDecimal equity = realized;
            if (!holding.isFlat() && lastClose != null && holding.entryCost() != null) {
                BigDecimal fee = holding.entryQuoteFee() == null ? BigDecimal.ZERO : holding.entryQuoteFee();
                equity = equity.add(holding.position().quantity().multiply(lastClose)).subtract(holding.entryCost())
                        .subtract(fee);
            }
            return equity;
        }

        /** Joins the book once the strategy is reconciled: its past round trips rebuild the scopes' paths. */
        void open(Holding reconciled) {
            List<ClosedTrade> past = journal.roundTrips(strategy.id());
            boolean flattenNow;
            lock.lock();
            try {
                Instant now = clock.instant();
                holding = reconciled;
                history = List.copyOf(past);
                realized = past.stream().map(ClosedTrade::netPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
                seats.put(strategy.id(), this);
                watches.put(own, EquityWatch.rebuild(history, lastResume(own), now));
                List<ClosedTrade> accountPast = new ArrayList<>();
                seats.values().stream().filter(s -> s.account.equals(account)).forEach(s -> accountPast.addAll(s.history));
                watches.put(account, EquityWatch.rebuild(accountPast, lastResume(account), now));
                markOwn = !limitsFixed || settings.limitsOf(own).watchesEquity();
                markAccount = !limitsFixed || settings.limitsOf(account).watchesEquity();
                // a daemon stopped before it sold what a halt or trip with flatten asked for sells it now
                flattenNow = !holding.isFlat() && settings.blocks().stream().anyMatch(b -> b.activeAt(now) && in(b.scope())
                        && (b.flatten() || !b.isHalt() && settings.limitsOf(b.scope()).onTrip() == OnTrip.FLATTEN));
            } finally {
                lock.unlock();
            }
            if (flattenNow) {
                requestFlatten();
            }
        }

        /** Asks before an entry of {@code quoteAmount}; empty means go (the amount is then reserved until {@link #entryDone}). */
        Optional<Denial> entry(BigDecimal quoteAmount) {
            lock.lock();
            try {
                Instant now = clock.instant();
                for (Scope scope : List.of(own, account, Scope.ALL)) {
                    Optional<Block> block = blocking(scope, null, now);
                    if (block.isPresent()) {
                        Block b = block.get();
                        return Optional.of(new Denial(b.isHalt() ? "halted" : b.limit(), scope + " " + b.describe()));
                    }
                }
                Limits limits = settings.limitsOf(account);
                List<Seat> others = seats.values().stream().filter(s -> s != this && s.account.equals(account)).toList();
                if (limits.maxOpenPositions() != null) {
                    long open = others.stream().filter(s -> !s.holding.isFlat() || s.reserved.signum() > 0).count();
                    if (open >= limits.maxOpenPositions()) {
                        return Optional.of(new Denial("max_open_positions", account + " holds " + open
                                + " open positions, at most " + limits.maxOpenPositions()));
                    }
                }
                if (limits.maxExposure() != null) {
                    BigDecimal exposure = others.stream().map(Seat::exposure).reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (exposure.add(quoteAmount).compareTo(limits.maxExposure()) > 0) {
                        return Optional.of(new Denial("max_exposure", account + " exposure " + exposure.toPlainString()
                                + " + " + quoteAmount.toPlainString() + " would be more than "
                                + limits.maxExposure().toPlainString()));
                    }
                }
                reserved = quoteAmount;
                return Optional.empty();
            } finally {
                lock.unlock();
            }
        }

        /** The quote amount an open position (at its cost) or a reserved entry stands for. */
        private BigDecimal exposure() {
            if (!holding.isFlat() && holding.entryCost() != null) {
                return holding.entryCost();
            }
            return reserved;
        }

        /** The entry asked for is over (filled, denied by the filters, gone stale): the position after it. */
        void entryDone(Holding after) {
            lock.lock();
            try {
                holding = after;
                reserved = BigDecimal.ZERO;
            } finally {
                lock.unlock();
            }
        }

        /** A closed candle: the position valued at its close; the drawdown and daily-loss trips it causes. */
        void mark(Candle candle) {
            List<Trip> trips;
            lock.lock();
            try {
                Instant now = clock.instant();
                lastClose = candle.close();
                List<Trip> found = List.of();
                EquityWatch ownWatch = markOwn ? watches.get(own) : null;
                if (ownWatch != null) {
                    // the strategy's own scope holds this seat alone: no sum over the book
                    found = ownWatch.mark(own, settings.limitsOf(own), equity(), capital, now);
                }
                EquityWatch accountWatch = markAccount ? watches.get(account) : null;
                if (accountWatch != null) {
                    List<Trip> more = accountWatch.mark(account, settings.limitsOf(account), scopeEquity(account),
                            scopeCapital(account), now);
                    if (!more.isEmpty()) {
                        found = new ArrayList<>(found);
                        found.addAll(more);
                    }
                }
                trips = found.isEmpty() ? List.of() : fresh(found, now);
            } finally {
                lock.unlock();
            }
            tripped(trips);
        }

        /** An order's outcome recorded in the journal: the position, and the round trip it closed. */
        void settled(Settlement settlement) {
            List<Trip> trips = List.of();
            lock.lock();
            try {
                if (!seats.containsKey(strategy.id())) {
                    return; // settled while reconciling: the past round trips are read when it opens
                }
                if (settlement.holding() != null) {
                    holding = settlement.holding();
                }
                RoundTrip trip = settlement.roundTrip();
                if (trip != null) {
                    Instant now = clock.instant();
                    ClosedTrade closed = new ClosedTrade(trip.netPnl(), trip.closedAt());
                    realized = realized.add(trip.netPnl());
                    List<ClosedTrade> more = new ArrayList<>(history);
                    more.add(closed);
                    history = more;
                    List<Trip> found = new ArrayList<>();
                    for (Scope scope : List.of(own, account)) {
                        EquityWatch watch = watches.get(scope);
                        if (watch != null) {
                            found.addAll(watch.closed(scope, settings.limitsOf(scope), closed, now));
                        }
                    }
                    trips = fresh(found, now);
                }
            } finally {
                lock.unlock();
            }
            tripped(trips);
        }

        void denied(Denial denial, long candleOpenTime) {
            try {
                journal.denied(strategy.id(), denial.reason(), candleOpenTime);
            } catch (RuntimeException e) {
                log.warn("a denied entry could not be counted: {}", e.toString());
            }
        }
    }
}
