package bot.app;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Interval;
import bot.domain.MarketOrderFilters;
import bot.domain.Mode;
import bot.domain.SymbolRules;
import bot.engine.SymbolRulesSource;
import bot.risk.ExitFloor;
import bot.store.AccountRepository;
import bot.store.NameTakenException;
import bot.store.NewStrategy;
import bot.store.StoredAccount;
import bot.store.StoredStrategy;
import bot.store.StrategyRepository;
import bot.strategy.CommonParameters;
import bot.strategy.InvalidParameterException;
import bot.strategy.StrategyKind;
import bot.strategy.StrategyParameters;
import bot.strategy.StrategyRegistry;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bot add-strategy}, {@code enable} and {@code disable}. A new strategy is checked in full
 * (name, account, kind, symbol, interval, mode, parameters, and the symbol on the exchange when it
 * answers) before anything is written; every refusal is an {@link InputException}.
 */
public final class StrategySetup {
    private static final Logger log = LoggerFactory.getLogger(StrategySetup.class);
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");

    private final AccountRepository accounts;
    private final StrategyRepository strategies;
    private final StrategyRegistry registry;
    /** The fall assumed for a kind without a stop-loss when checking that its position can be sold. */
    static final BigDecimal DEFAULT_STOP_FALL = new BigDecimal("0.10");

    private final Function<Boolean, SymbolRulesSource> exchange;
    private final Function<Boolean, Function<String, BigDecimal>> prices;

    /** For enable and disable, which ask the exchange nothing. */
    public StrategySetup(AccountRepository accounts, StrategyRepository strategies, StrategyRegistry registry,
                         Function<Boolean, SymbolRulesSource> exchange) {
        this(accounts, strategies, registry, exchange, testnet -> symbol -> {
            throw new UncheckedIOException(new java.io.IOException("no price source"));
        });
    }

    /**
     * @param exchange the exchange's symbol rules for a production ({@code false}) or testnet account
     * @param prices   a symbol's last price on that exchange
     */
    public StrategySetup(AccountRepository accounts, StrategyRepository strategies, StrategyRegistry registry,
                         Function<Boolean, SymbolRulesSource> exchange,
                         Function<Boolean, Function<String, BigDecimal>> prices) {
        this.accounts = accounts;
        this.strategies = strategies;
        this.registry = registry;
        this.exchange = exchange;
        this.prices = prices;
    }

    /** A strategy just added, with what the person should know (e.g. the symbol could not be checked). */
    public record Added(StoredStrategy strategy, List<String> warnings) {
    }

    public Added add(NewStrategyRequest request) {
        String name = NameRule.check("--name", request.name());
        StoredAccount account = accounts.find(NameRule.check("--account", request.account()))
                .orElseThrow(() -> new InputException("--account: there is no account named '" + request.account()
                        + "' (see 'bot list accounts')"));
        StrategyKind kind = kind(request.kind());
        String symbol = symbol(request.symbol());
        Interval interval = interval(request.interval());
        Mode mode = mode(request.mode());
        if (mode == Mode.LIVE && !account.hasKeys()) {
            throw new InputException("--mode: live needs an account with API keys, and account '" + account.name()
                    + "' has none (use --mode paper, or add an account with --api-key)");
        }
        StrategyParameters parameters = parameters(kind, request);
        if (strategies.find(name).isPresent()) {
            throw new InputException("--name: a strategy named '" + name + "' already exists");
        }
        List<String> warnings = checkOnExchange(symbol, account.testnet(), parameters,
                request.config() == null ? "--config" : request.configField());
        Map<String, String> stored = new TreeMap<>();
        parameters.asMap().forEach((key, value) -> stored.put(key, value.toPlainString()));
        try {
            strategies.insert(new NewStrategy(name, account.id(), kind.name(), symbol, interval, mode, stored,
                    request.enabled()));
        } catch (NameTakenException e) {
            throw new InputException("--name: a strategy named '" + name + "' already exists");
        }
        log.info("strategy added", kv("strategy", name), kv("account", account.name()), kv("kind", kind.name()),
                kv("symbol", symbol), kv("interval", interval.code()), kv("mode", mode.code()));
        return new Added(strategies.find(name).orElseThrow(), warnings);
    }

    /**
     * Enables or disables a strategy.
     *
     * @return false when it already was in that state
     */
    public boolean setEnabled(String name, boolean enabled) {
        StoredStrategy strategy = strategies.find(name)
                .orElseThrow(() -> new InputException("NAME: there is no strategy named '" + NameRule.printable(name)
                        + "' (see 'bot list strategies')"));
        if (strategy.enabled() == enabled) {
            return false;
        }
        strategies.setEnabled(name, enabled);
        log.info(enabled ? "strategy enabled" : "strategy disabled", kv("strategy", name));
        return true;
    }

    private StrategyKind kind(String name) {
        try {
            return registry.require(name);
        } catch (IllegalArgumentException e) {
            throw new InputException("--kind: " + e.getMessage());
        }
    }

    private static String symbol(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new InputException("--symbol: '" + NameRule.printable(String.valueOf(symbol)) + "' is not a Binance"
                    + " symbol: 2 to 20 upper-case letters and digits, e.g. BTCUSDT");
        }
        return symbol;
    }

    private static Interval interval(String code) {
        try {
            return Interval.parse(code);
        } catch (IllegalArgumentException e) {
            throw new InputException("--interval: " + e.getMessage());
        }
    }

    private static Mode mode(String code) {
        try {
            return code == null ? Mode.PAPER : Mode.parse(code);
        } catch (IllegalArgumentException e) {
            throw new InputException("--mode: " + e.getMessage());
        }
    }

    private static StrategyParameters parameters(StrategyKind kind, NewStrategyRequest request) {
        Map<String, String> raw = request.config() == null ? Map.of()
                : StrategyConfigJson.parse(request.config(), request.configField());
        try {
            return kind.validate(raw);
        } catch (InvalidParameterException e) {
            String field = request.config() == null ? "--config" : request.configField();
            throw new InputException(field + ": " + e.getMessage());
        }
    }

    /** Refuses a symbol the exchange does not list or does not trade; an unreachable exchange is only a warning. */
    private List<String> checkOnExchange(String symbol, boolean testnet, StrategyParameters parameters, String field) {
        String exchangeName = testnet ? "the Binance testnet" : "Binance";
        Optional<SymbolRules> rules;
        try {
            rules = exchange.apply(testnet).rules(symbol);
        } catch (UncheckedIOException e) {
            log.warn("symbol not checked", kv("symbol", symbol), kv("reason", e.getMessage()));
            return List.of("could not check --symbol " + symbol + " on " + exchangeName + " (" + e.getMessage()
                    + "); added without that check");
        }
        if (rules.isEmpty()) {
            throw new InputException("--symbol: " + symbol + " is not listed on " + exchangeName);
        }
        if (!rules.get().isTrading()) {
            throw new InputException("--symbol: " + symbol + " is not trading on " + exchangeName + " (status "
                    + rules.get().status() + ")");
        }
        Optional<BigDecimal> orderValue = parameters.optional(CommonParameters.ORDER_VALUE);
        if (orderValue.isEmpty()) {
            return List.of();
        }
        BigDecimal price;
        try {
            price = prices.apply(testnet).apply(symbol);
        } catch (UncheckedIOException e) {
            log.warn("order_value not checked against the exit", kv("symbol", symbol), kv("reason", e.getMessage()));
            List<String> warnings = new ArrayList<>();
            warnings.add("could not fetch " + symbol + "'s price on " + exchangeName + " (" + e.getMessage()
                    + "); order_value not checked against selling the position at its stop");
            BigDecimal minNotional = rules.get().minNotional();
            if (orderValue.get().compareTo(minNotional) < 0) {
                warnings.add("order_value " + orderValue.get().toPlainString() + " is below " + symbol
                        + "'s minimum order value " + minNotional.stripTrailingZeros().toPlainString()
                        + ": every entry would be refused");
            }
            return warnings;
        }
        checkExitAtStop(rules.get(), price, parameters, orderValue.get(), field);
        return List.of();
    }

    /**
     * Refuses an order_value whose position could not be sold once it fell to its stop (stop_loss, or
     * {@link #DEFAULT_STOP_FALL} for a kind without one): its exit would be denied on every candle.
     */
    private static void checkExitAtStop(SymbolRules rules, BigDecimal price, StrategyParameters parameters,
                                        BigDecimal orderValue, String field) {
        Optional<BigDecimal> stopLoss = parameters.optional(CommonParameters.STOP_LOSS).filter(s -> s.signum() > 0);
        BigDecimal fall = stopLoss.orElse(DEFAULT_STOP_FALL);
        BigDecimal fee = parameters.optional(CommonParameters.FEE_PCT).orElse(BigDecimal.ZERO);
        BigDecimal least = ExitFloor.smallestOrderValue(rules, price, fee, fall);
        if (orderValue.compareTo(least) < 0) {
            throw new InputException(field + ": parameter order_value: " + orderValue.toPlainString() + " is too small"
                    + " to sell the position after a fall of " + fall.stripTrailingZeros().toPlainString()
                    + (stopLoss.isPresent() ? " (stop_loss)" : " (no stop_loss)") + " from " + rules.symbol() + "'s price of "
                    + price.stripTrailingZeros().toPlainString() + " (minimum order " + rules.minNotional()
                    .stripTrailingZeros().toPlainString() + ", step " + MarketOrderFilters.stepSize(rules)
                    .stripTrailingZeros().toPlainString() + ", fee_pct in the base asset); the smallest that works is "
                    + least.toPlainString());
        }
    }
}
