package bot.execution.binance;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.ExecutionReport;
import bot.domain.OrderRequest;
import bot.domain.OrderStatus;
import bot.domain.OrderType;
import bot.engine.OrderGateway;
import bot.rest.RestWeights;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live gateway of one Binance account: MARKET orders with a FULL answer, and lookups by
 * client order id. Commissions charged in a third asset (BNB) come back priced in the quote asset
 * ({@link CommissionPricing}). It never resends an order: a 5xx, -1006/-1007, a timeout or a broken connection
 * is reported UNKNOWN, and the engine looks the order up.
 *
 * <p>A lookup that finds nothing (-2013) is trusted only once the order's request can no longer
 * reach the exchange: a request is refused when it arrives later than its timestamp plus
 * recvWindow (and its timestamp is at most 1 s ahead of the exchange's clock), so until then a
 * "does not exist" may just mean "not there yet", and the lookup says UNKNOWN instead. For an
 * order this gateway sent, the doubt lasts from its send until recvWindow + 1 s after; for an
 * order it did not send (one a previous run journaled, then died), from this gateway's creation:
 * that run's last request left before this process started. Both are measured on the local clock
 * (the exchange's runs at the same pace), with the time the lookup was asked, not answered.
 */
public final class BinanceGateway implements OrderGateway {
    private static final Logger log = LoggerFactory.getLogger(BinanceGateway.class);
    /** Binance accepts a timestamp up to this far ahead of its clock: one more second of doubt. */
    private static final long FUTURE_TOLERANCE_MILLIS = 1_000;

    private final String account;
    private final BinanceRestClient client;
    private final CommissionPricing commissions;
    private final Clock clock;
    /** How long after a request is sent it may still be accepted: recvWindow and the 1 s of the future. */
    private final long doubtMillis;
    /** Until when (local clock) a -2013 for an order this gateway did not send may mean "not there yet". */
    private final long startupDoubtUntil;
    /** Client order ids whose request may still reach the exchange, and until when (local clock). */
    private final Map<String, Long> inFlightUntil = new ConcurrentHashMap<>();
    /** Client order ids sent while {@link #startupDoubtUntil} lasts; emptied after it. */
    private final Set<String> sentDuringStartup = ConcurrentHashMap.newKeySet();

    public BinanceGateway(String account, BinanceRestClient client, Clock clock, Duration recvWindow) {
        this.account = account;
        this.client = client;
        this.commissions = new CommissionPricing(client);
        this.clock = clock;
        this.doubtMillis = recvWindow.toMillis() + FUTURE_TOLERANCE_MILLIS;
        this.startupDoubtUntil = clock.millis() + doubtMillis;
    }

    @Override
    public ExecutionReport submit(OrderRequest request) {
        if (request.type() != OrderType.MARKET) {
            throw new IllegalArgumentException("the live gateway places MARKET orders only, not " + request.type());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("symbol", request.symbol());
        parameters.put("side", request.side().name());
        parameters.put("type", "MARKET");
        parameters.put("quantity", request.quantity().toPlainString());
        parameters.put("newClientOrderId", request.clientOrderId());
        parameters.put("newOrderRespType", "FULL");
        rememberIfStartingUp(request.clientOrderId());
        try {
            Instant sendBy = request.maxWait() == null ? null : clock.instant().plus(request.maxWait());
            ExecutionReport report = ExecutionReportParser.fromOrderResponse(client.placeOrder(parameters,
                    () -> sendBy == null || !clock.instant().isAfter(sendBy)));
            if (!ExecutionReportParser.fillsComplete(report)) {
                // the answer lacks fills: the exchange's order and trade lists have them
                return lookup(request.symbol(), request.clientOrderId()).orElse(unknown(request.clientOrderId(),
                        "answered without fills, then not found"));
            }
            log.info("order executed", kv("account", account), kv("symbol", request.symbol()),
                    kv("clientOrderId", request.clientOrderId()), kv("status", report.status()),
                    kv("executedQty", report.executedQty()), kv("quoteQty", report.quoteQty()));
            return commissions.priced(request.symbol(), report);
        } catch (BinanceRejectedException e) {
            log.warn("order rejected by Binance: {}", e.error().msg(), kv("account", account),
                    kv("symbol", request.symbol()), kv("clientOrderId", request.clientOrderId()), kv("code", e.code()));
            return new ExecutionReport(request.clientOrderId(), OrderStatus.REJECTED, null, BigDecimal.ZERO,
                    BigDecimal.ZERO, List.of(), e.error().msg(), clock.instant());
        } catch (RuntimeException e) {
            // 5xx, -1006/-1007, timeout, broken connection, unreadable answer: it may have executed
            if (!(e instanceof BinanceUnavailableException u) || u.sent()) {
                inFlightUntil.put(request.clientOrderId(), clock.millis() + doubtMillis);
            }
            log.warn("order outcome unknown: {}", e.getMessage(), kv("account", account),
                    kv("symbol", request.symbol()), kv("clientOrderId", request.clientOrderId()));
            return unknown(request.clientOrderId(), e.getMessage());
        }
    }

    @Override
    public Optional<ExecutionReport> lookup(String symbol, String clientOrderId) {
        long askedAt = clock.millis();
        try {
            JsonNode order = client.signedGet("/api/v3/order",
                    Map.of("symbol", symbol, "origClientOrderId", clientOrderId), RestWeights.ORDER_LOOKUP);
            inFlightUntil.remove(clientOrderId);
            if (new BigDecimal(order.path("executedQty").asText("0")).signum() == 0) {
                return Optional.of(ExecutionReportParser.fromOrderAndTrades(order, JsonNodeFactory.instance.arrayNode()));
            }
            // the order carries no fills and no commissions: its trades do
            JsonNode trades = client.signedGet("/api/v3/myTrades",
                    Map.of("symbol", symbol, "orderId", order.path("orderId").asText()), RestWeights.ORDER_TRADES);
            ExecutionReport report = ExecutionReportParser.fromOrderAndTrades(order, trades);
            if (!ExecutionReportParser.fillsComplete(report)) {
                return Optional.of(unknown(clientOrderId, "the exchange lists fewer trades than the order executed"));
            }
            return Optional.of(commissions.priced(symbol, report));
        } catch (BinanceRejectedException e) {
            if (e.code() == BinanceError.NO_SUCH_ORDER) {
                return notFound(clientOrderId, askedAt);
            }
            return Optional.of(unknown(clientOrderId, "lookup refused: " + e.error().msg()));
        } catch (RuntimeException e) {
            return Optional.of(unknown(clientOrderId, "lookup failed: " + e.getMessage()));
        }
    }

    private Optional<ExecutionReport> notFound(String clientOrderId, long askedAt) {
        Long until = inFlightUntil.get(clientOrderId);
        if (until != null && askedAt <= until) {
            return Optional.of(unknown(clientOrderId, "not found yet; the request may still reach the exchange"));
        }
        if (until == null && askedAt <= startupDoubtUntil && !sentDuringStartup.contains(clientOrderId)) {
            return Optional.of(unknown(clientOrderId,
                    "not found yet; a request of the previous run may still reach the exchange"));
        }
        inFlightUntil.remove(clientOrderId);
        return Optional.empty();
    }

    private void rememberIfStartingUp(String clientOrderId) {
        if (clock.millis() <= startupDoubtUntil) {
            sentDuringStartup.add(clientOrderId);
        } else if (!sentDuringStartup.isEmpty()) {
            sentDuringStartup.clear();
        }
    }

    private ExecutionReport unknown(String clientOrderId, String reason) {
        return new ExecutionReport(clientOrderId, OrderStatus.UNKNOWN, null, BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(), reason, clock.instant());
    }
}
