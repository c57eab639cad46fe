package bot.app;

import bot.backtest.Decision;
import bot.backtest.Gap;
import bot.backtest.JournalComparison;
import bot.backtest.RunRecord;
import bot.backtest.RunReport;
import bot.domain.Candle;
import bot.domain.CandleSeries;
import bot.domain.Interval;
import bot.domain.Network;
import bot.domain.SymbolRules;
import bot.engine.SymbolRulesSource;
import bot.report.Report;
import bot.risk.Limits;
import bot.risk.Scope;
import bot.store.AccountRepository;
import bot.store.BacktestRuns;
import bot.store.CandleRepository;
import bot.store.OrderHistory;
import bot.store.RiskRepository;
import bot.store.StoredStrategy;
import bot.store.StrategyRepository;
import bot.store.SymbolRulesRepository;
import bot.strategy.InvalidParameterException;
import bot.strategy.StrategyKind;
import bot.strategy.StrategyParameters;
import bot.strategy.StrategyRegistry;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code bot backtest}: what to run (a stored strategy, or a kind with its parameters), over which
 * stored candles, with which exchange filters; then the run itself ({@link CandleReplay}), stored
 * with its journal in tables of its own. Everything a person can get wrong is checked before
 * anything is written.
 */
public final class Backtester {
    private final Jdbi jdbi;
    private final StrategyRegistry registry;
    private final Function<Network, SymbolRulesSource> exchange;

    /**
     * @param exchange the exchange's filters, asked only when none are stored for the symbol (what
     *                 it answers is stored then); may throw {@link UncheckedIOException} when unreachable
     */
    public Backtester(Jdbi jdbi, StrategyRegistry registry, Function<Network, SymbolRulesSource> exchange) {
        this.jdbi = jdbi;
        this.registry = registry;
        this.exchange = exchange;
    }

    /**
     * What the person asked for: {@code strategy} (a stored one) or {@code kind}, {@code symbol},
     * {@code interval} and {@code config} (a JSON object, read from {@code configField}); {@code from}
     * inclusive and {@code to} exclusive bound the candles traded on, by open time (null: all).
     */
    public record Request(String strategy, String kind, String symbol, String interval, String config,
            String configField, Instant from, Instant to) {
    }

    /** A run ready to go: the strategy, its checked parameters as given, the candles and the filters. */
    public record Plan(String strategy, StrategyKind kind, String name, String symbol, Interval interval,
            Network network, Map<String, String> raw, SymbolRules rules, List<Candle> warmup, List<Candle> candles,
            List<Gap> gaps, BacktestLimits limits) {

        /** The kind's checked parameters with {@code overrides} (a sweep's values) put over the given ones. */
        public StrategyParameters parameters(Map<String, String> overrides) {
            Map<String, String> merged = new LinkedHashMap<>(raw);
            merged.putAll(overrides);
            try {
                return kind.validate(merged);
            } catch (InvalidParameterException e) {
                throw new InputException((overrides.isEmpty() ? "--config" : "--sweep") + ": " + e.getMessage());
            }
        }

        SymbolRulesSource rulesSource() {
            return s -> s.equals(symbol) ? Optional.of(rules) : Optional.empty();
        }
    }

    /** A stored run: its id, what it was, its KPIs and the gaps in its candles; when its limits tripped (a fresh run). */
    public record Outcome(long runId, BacktestRuns.Run run, Report report, List<String> trips,
            Map<String, Long> refused) {
        public Outcome(long runId, BacktestRuns.Run run, Report report) {
            this(runId, run, report, List.of(), Map.of());
        }
    }

    /** Checks the request and loads what the run needs; nothing is written but exchange filters fetched. */
    public Plan plan(Request request) {
        return plan(request, List.of());
    }

    /**
     * The same for a sweep: each of {@code combinations} (swept values over the given parameters) is
     * checked too, and the warm-up loaded is the longest any of them needs (each run takes its own).
     */
    public Plan plan(Request request, List<Map<String, String>> combinations) {
        String name;
        StrategyKind kind;
        String symbol;
        Interval interval;
        Network network;
        Map<String, String> raw;
        BacktestLimits limits = BacktestLimits.NONE;
        String strategy = request.strategy();
        if (strategy != null) {
            StoredStrategy stored = new StrategyRepository(jdbi).find(strategy)
                    .orElseThrow(() -> new InputException("--strategy: no strategy named '"
                            + NameRule.printable(strategy) + "'"));
            name = stored.name();
            kind = kind(stored.kind());
            symbol = stored.symbol();
            interval = stored.interval();
            network = Network.of(new AccountRepository(jdbi).find(stored.account()).orElseThrow().testnet());
            raw = new TreeMap<>(stored.params());
            limits = limits(stored);
        } else {
            if (request.kind() == null || request.symbol() == null || request.interval() == null) {
                throw new InputException("--kind, --symbol and --interval are needed together (or --strategy NAME)");
            }
            kind = kind(request.kind());
            name = kind.name();
            symbol = request.symbol();
            interval = interval(request.interval());
            network = Network.PRODUCTION;
            raw = request.config() == null ? Map.of()
                    : StrategyConfigJson.parse(request.config(), request.configField());
        }
        int warmupCount = 0;
        for (Map<String, String> combo : combinations.isEmpty() ? List.of(Map.<String, String>of()) : combinations) {
            Map<String, String> merged = new LinkedHashMap<>(raw);
            merged.putAll(combo);
            StrategyParameters parameters;
            try {
                parameters = kind.validate(merged);
            } catch (InvalidParameterException e) {
                throw new InputException((!combo.isEmpty() ? "--sweep" : request.configField() == null ? "--config"
                        : request.configField()) + ": " + e.getMessage());
            }
            warmupCount = Math.max(warmupCount, kind.create(parameters).warmupCandles());
        }
        CandleRepository candles = new CandleRepository(jdbi);
        long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochMilli();
        long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochMilli() - 1;
        List<Candle> range = candles.load(network, symbol, interval, from, to);
        List<Candle> warmup;
        if (request.from() == null) {
            // No --from: the first stored candles warm the strategy up, the rest are traded on.
            int n = Math.min(warmupCount, range.size());
            warmup = range.subList(0, n);
            range = range.subList(n, range.size());
        } else {
            warmup = range.isEmpty() ? List.of()
                    : candles.loadBefore(network, symbol, interval, range.get(0).openTime(), warmupCount);
        }
        if (range.isEmpty()) {
            throw new InputException("no " + symbol + " " + interval.code() + " candles stored on " + network.code()
                    + between(request) + (warmup.isEmpty() ? "" : " after the " + warmup.size() + " the strategy warms up on")
                    + ": import or download them first");
        }
        SymbolRules rules = rules(network, symbol);
        // Immutable once: every run of a sweep shares these lists, and the runner takes them without a copy.
        // A sweep reads every candle once a run: it builds them once. A single run takes them from the
        // series as it goes (a CandleSeries is immutable already).
        List<Candle> traded = combinations.size() > 1 || !(range instanceof CandleSeries) ? List.copyOf(range) : range;
        return new Plan(strategy, kind, name, symbol, interval, network, raw, rules, List.copyOf(warmup), traded,
                Gap.in(openTimes(warmup, range), interval), limits);
    }

    /** Runs the plan with its own parameters and stores the run; its outcome. */
    public Outcome run(Plan plan) throws InterruptedException {
        StrategyParameters parameters = plan.parameters(Map.of());
        RunRecord record = replay(plan, parameters);
        return store(plan, parameters, record);
    }

    /** One run of the plan with {@code parameters}, in memory. */
    public static RunRecord replay(Plan plan, StrategyParameters parameters) throws InterruptedException {
        return CandleReplay.run(plan.kind(), parameters, plan.name(), plan.symbol(), plan.interval(),
                plan.rulesSource(), plan.warmup(), plan.candles(), plan.limits());
    }

    /** Stores a run made with {@code parameters}. */
    public Outcome store(Plan plan, StrategyParameters parameters, RunRecord record) {
        Map<String, String> params = new TreeMap<>();
        parameters.asMap().forEach((k, v) -> params.put(k, v.toPlainString()));
        BacktestRuns.Run run = new BacktestRuns.Run(0, plan.strategy(), plan.kind().name(), plan.symbol(),
                plan.interval().code(), plan.network().code(), params, plan.candles().get(0).openTime(),
                plan.candles().get(plan.candles().size() - 1).openTime(), plan.candles().size(),
                Math.min(plan.warmup().size(), Math.max(0, plan.kind().create(parameters).warmupCandles())),
                plan.gaps());
        long id = new BacktestRuns(jdbi).save(run, record);
        return new Outcome(id, new BacktestRuns.Run(id, run.strategy(), run.kind(), run.symbol(), run.interval(),
                run.network(), run.params(), run.fromOpenTime(), run.toOpenTime(), run.candles(), run.warmupCandles(),
                run.gaps()), RunReport.of(plan.name(), plan.symbol(), record), record.trips(), record.refused());
    }

    /** The stored strategy's limits and its account's, as the daemon would check them. */
    private BacktestLimits limits(StoredStrategy stored) {
        Map<String, String> own = new HashMap<>();
        Map<String, String> account = new HashMap<>();
        for (RiskRepository.StoredLimit limit : new RiskRepository(jdbi).limits()) {
            if (limit.scopeKind().equals(Scope.Kind.STRATEGY.code()) && limit.scopeName().equals(stored.name())) {
                own.put(limit.key(), limit.value());
            } else if (limit.scopeKind().equals(Scope.Kind.ACCOUNT.code()) && limit.scopeName().equals(stored.account())) {
                account.put(limit.key(), limit.value());
            }
        }
        return new BacktestLimits(stored.account(), own.isEmpty() ? null : Limits.of(Scope.Kind.STRATEGY, own),
                account.isEmpty() ? null : Limits.of(Scope.Kind.ACCOUNT, account));
    }

    /** A backtest of a stored strategy over the candles the daemon archived, compared with its journal. */
    public record Check(Plan plan, JournalComparison.Result result) {
    }

    /**
     * Replays the archived candles of {@code strategy} (from {@code since}, or all; earlier ones warm
     * it up) in memory and compares its decisions with the strategy's journal, candle by candle.
     */
    public Check againstJournal(String strategy, Instant since) throws InterruptedException {
        Plan plan = plan(new Request(strategy, null, null, null, null, null, since, null));
        RunRecord record = replay(plan, plan.parameters(Map.of()));
        List<Decision> journal = new OrderHistory(jdbi).decisions(strategy, plan.candles().get(0).openTime());
        return new Check(plan, JournalComparison.compare(plan.candles(), plan.gaps(),
                record.orders().stream().map(Decision::of).toList(), journal));
    }

    /** A stored run and its KPIs, as {@code bot report --run} shows them. */
    public Outcome stored(long runId) {
        BacktestRuns runs = new BacktestRuns(jdbi);
        BacktestRuns.Run run = runs.find(runId)
                .orElseThrow(() -> new InputException("--run: no backtest run " + runId));
        RunRecord record = runs.record(runId).orElseThrow();
        String name = run.strategy() != null ? run.strategy() : run.kind();
        return new Outcome(runId, run, RunReport.of(name, run.symbol(), record));
    }

    /** The stored filters; else the exchange's, stored; else a refusal naming why. */
    private SymbolRules rules(Network network, String symbol) {
        SymbolRulesRepository stored = new SymbolRulesRepository(jdbi);
        Optional<SymbolRules> known = stored.find(network, symbol);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<SymbolRules> fetched;
        try {
            fetched = exchange.apply(network).rules(symbol);
        } catch (UncheckedIOException e) {
            throw new InputException("no exchange filters stored for " + symbol + " on " + network.code()
                    + " and Binance is unreachable (" + e.getMessage() + "): run once while online (bot start or"
                    + " a backtest) so they are stored");
        }
        if (fetched.isEmpty()) {
            throw new InputException("--symbol: " + symbol + " is not listed on " + network.code());
        }
        stored.save(network, fetched.get());
        return fetched.get();
    }

    private StrategyKind kind(String name) {
        try {
            return registry.require(name);
        } catch (IllegalArgumentException e) {
            throw new InputException("--kind: " + e.getMessage());
        }
    }

    private static Interval interval(String code) {
        try {
            return Interval.parse(code);
        } catch (IllegalArgumentException e) {
            throw new InputException("--interval: " + e.getMessage());
        }
    }

    private static String between(Request request) {
        return (request.from() == null ? "" : " from " + request.from())
                + (request.to() == null ? "" : " before " + request.to());
    }

    private static long[] openTimes(List<Candle> warmup, List<Candle> range) {
        long[] times = new long[warmup.size() + range.size()];
        int i = 0;
        for (List<Candle> part : List.of(warmup, range)) {
            for (int j = 0; j < part.size(); j++) {
                times[i++] = part instanceof CandleSeries series ? series.openTime(j) : part.get(j).openTime();
            }
        }
        return times;
    }
}
