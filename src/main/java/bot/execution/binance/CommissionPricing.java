package bot.execution.binance;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.ExecutionReport;
import bot.domain.Fill;
import bot.domain.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices the commissions an order paid in a third asset (BNB, when the account pays fees with it)
 * in the order's quote asset at the fill time, so that profit can be counted after them. The price
 * is the close of the asset's 1m candle of the fill's minute ({@code GET /api/v3/klines}, weight
 * 2): for a fill just made that is the last trade price, as {@code /api/v3/ticker/price} would say,
 * and for one looked up later (myTrades after an outage) it is still the price of its minute. When
 * Binance lists no asset/quote pair the price goes through USDT (BNB/USDT and USDT/quote, or
 * quote/USDT divided). A fill whose price cannot be had (no pair, Binance unreachable) stays
 * without one: the journal then keeps it unvalued and the report says so.
 */
final class CommissionPricing {
    private static final Logger log = LoggerFactory.getLogger(CommissionPricing.class);
    private static final String BRIDGE = "USDT";
    private static final long MINUTE = 60_000;

    private final BinanceRestClient client;
    /** Base and quote asset of each symbol (exchangeInfo), learned once: they never change. */
    private final Map<String, Assets> assets = new ConcurrentHashMap<>();
    /** Pairs Binance said it does not list (-1121). */
    private final Set<String> unlisted = ConcurrentHashMap.newKeySet();

    private record Assets(String base, String quote) {
    }

    CommissionPricing(BinanceRestClient client) {
        this.client = client;
    }

    /** The report with each third-asset commission priced where a price can be had. */
    ExecutionReport priced(String symbol, ExecutionReport report) {
        if (report.fills().stream().noneMatch(f -> maybeThirdAsset(symbol, f))) {
            return report; // the usual case: base or quote asset, no request at all
        }
        try {
            Assets pair = assetsOf(symbol);
            Map<String, Optional<BigDecimal>> prices = new HashMap<>();
            List<Fill> fills = new ArrayList<>();
            for (Fill fill : report.fills()) {
                String asset = fill.commissionAsset();
                if (asset.equals(pair.base()) || asset.equals(pair.quote()) || fill.commission().signum() == 0) {
                    fills.add(fill);
                    continue;
                }
                long minute = Math.floorDiv(fill.time().toEpochMilli(), MINUTE) * MINUTE;
                Optional<BigDecimal> price = prices.computeIfAbsent(asset + "@" + minute,
                        k -> price(asset, pair.quote(), minute));
                fills.add(price.map(fill::withCommissionPrice).orElse(fill));
                if (price.isEmpty()) {
                    log.warn("no price of {} in {}: its commission stays unvalued", asset, pair.quote(),
                            kv("symbol", symbol), kv("clientOrderId", report.clientOrderId()));
                }
            }
            return new ExecutionReport(report.clientOrderId(), report.status(), report.exchangeOrderId(),
                    report.executedQty(), report.quoteQty(), fills, report.reason(), report.time());
        } catch (RuntimeException e) {
            log.warn("commissions in another asset left unvalued: {}", e.getMessage(), kv("symbol", symbol),
                    kv("clientOrderId", report.clientOrderId()));
            return report;
        }
    }

    /**
     * True unless the asset obviously is the symbol's base or quote (a symbol is base + quote):
     * only then is it worth asking which assets the symbol has.
     */
    private static boolean maybeThirdAsset(String symbol, Fill fill) {
        String asset = fill.commissionAsset();
        return fill.commission().signum() != 0 && !symbol.startsWith(asset) && !symbol.endsWith(asset);
    }

    /** Not computeIfAbsent: that would hold a lock of the map across the request. */
    private Assets assetsOf(String symbol) {
        Assets known = assets.get(symbol);
        if (known != null) {
            return known;
        }
        JsonNode listed = client.get("/api/v3/exchangeInfo", Map.of("symbol", symbol), 20).path("symbols").path(0);
        if (listed.path("quoteAsset").asText().isEmpty()) {
            throw new IllegalStateException("exchangeInfo does not list " + symbol);
        }
        Assets learned = new Assets(listed.path("baseAsset").asText(), listed.path("quoteAsset").asText());
        assets.put(symbol, learned);
        return learned;
    }

    /** The asset's price in {@code quote} in the given minute: directly, inverted, or through USDT. */
    private Optional<BigDecimal> price(String asset, String quote, long minute) {
        Optional<BigDecimal> direct = close(asset + quote, minute);
        if (direct.isPresent()) {
            return direct;
        }
        Optional<BigDecimal> inverse = close(quote + asset, minute).map(CommissionPricing::inverted);
        if (inverse.isPresent() || asset.equals(BRIDGE) || quote.equals(BRIDGE)) {
            return inverse;
        }
        Optional<BigDecimal> inBridge = close(asset + BRIDGE, minute);
        if (inBridge.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal bridged = inBridge.get();
        return close(BRIDGE + quote, minute).map(bridged::multiply)
                .or(() -> close(quote + BRIDGE, minute).map(q -> bridged.divide(q, Money.PRICE_CONTEXT)));
    }

    /** Close of the pair's 1m candle opened at {@code minute}; empty when Binance does not list the pair. */
    private Optional<BigDecimal> close(String pair, long minute) {
        if (unlisted.contains(pair)) {
            return Optional.empty();
        }
        try {
            JsonNode rows = client.get("/api/v3/klines", Map.of("symbol", pair, "interval", "1m",
                    "startTime", Long.toString(minute), "limit", "1"), 2);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new BigDecimal(rows.get(0).get(4).asText()));
        } catch (BinanceRejectedException e) {
            if (e.code() == BinanceError.INVALID_SYMBOL) {
                unlisted.add(pair);
                return Optional.empty();
            }
            throw e;
        }
    }

    private static BigDecimal inverted(BigDecimal price) {
        return BigDecimal.ONE.divide(price, Money.PRICE_CONTEXT);
    }
}
