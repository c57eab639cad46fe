package bot.engine;

import bot.domain.SymbolRules;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exchange rules kept fresh without asking the exchange on every order: a symbol's rules are
 * fetched again once they are older than {@code maxAge}. When the exchange cannot be reached the
 * last known rules stand (filters change rarely; refusing every order for a network blip would not).
 */
public final class FreshSymbolRules implements SymbolRulesSource {
    private static final Logger log = LoggerFactory.getLogger(FreshSymbolRules.class);

    private final SymbolRulesSource exchange;
    private final InstantSource clock;
    private final Duration maxAge;
    private final ConcurrentMap<String, Fetched> cache = new ConcurrentHashMap<>();

    public FreshSymbolRules(SymbolRulesSource exchange, InstantSource clock, Duration maxAge) {
        this.exchange = exchange;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public Optional<SymbolRules> rules(String symbol) {
        Instant now = clock.instant();
        Fetched known = cache.get(symbol);
        if (known != null && known.at().plus(maxAge).isAfter(now)) {
            return known.rules();
        }
        try {
            Fetched fresh = new Fetched(exchange.rules(symbol), now);
            cache.put(symbol, fresh);
            return fresh.rules();
        } catch (RuntimeException e) {
            if (known == null) {
                throw e;
            }
            log.warn("exchange rules of {} could not be refreshed, keeping those of {}: {}", symbol, known.at(),
                    e.getMessage());
            return known.rules();
        }
    }

    private record Fetched(Optional<SymbolRules> rules, Instant at) {
    }
}
