package bot.app;

import bot.domain.ExecutionReport;
import bot.domain.OrderRequest;
import bot.domain.OrderStatus;
import bot.engine.OrderGateway;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live order leaves only while this instance's lease on its strategy has at least {@code minLeft}
 * to run (by this process's clock, never later than the database's). The journal's fence checked
 * the lease when the order was written; this checks it again as the order leaves, after whatever
 * pause came between (a freeze, a stall). With {@code minLeft} at least the exchange's recvWindow,
 * a request signed now is dead at the exchange before the lease can be taken over, so the next
 * holder's lookups of this order are final. Not sent, it ends EXPIRED in the journal. The order
 * goes on with a {@code maxWait} no longer than the lease's time left beyond {@code minLeft}, so the
 * gateway's own wait (rate budget, exchange rules, a resend) cannot carry it past that either.
 */
final class LeaseGuardedGateway implements OrderGateway {
    private static final Logger log = LoggerFactory.getLogger(LeaseGuardedGateway.class);

    private final OrderGateway gateway;
    private final Supplier<Duration> left;
    private final Duration minLeft;
    private final Clock clock;

    LeaseGuardedGateway(OrderGateway gateway, Supplier<Duration> left, Duration minLeft, Clock clock) {
        this.gateway = gateway;
        this.left = left;
        this.minLeft = minLeft;
        this.clock = clock;
    }

    @Override
    public ExecutionReport submit(OrderRequest request) {
        Duration remaining = left.get();
        if (remaining.compareTo(minLeft) < 0) {
            log.atWarn().addKeyValue("clientOrderId", request.clientOrderId())
                    .addKeyValue("leaseLeftMillis", remaining.toMillis())
                    .log("order not sent: this instance's lease on the strategy runs out too soon (or is lost)");
            return new ExecutionReport(request.clientOrderId(), OrderStatus.EXPIRED, null, BigDecimal.ZERO,
                    BigDecimal.ZERO, List.of(), "not sent: the lease on the strategy was running out", clock.instant());
        }
        // The request may still wait inside the gateway (exchange rules, the host's weight budget, a resend):
        // it must be signed while the lease keeps minLeft to run, so it may wait only until then.
        Duration mayWait = remaining.minus(minLeft);
        if (request.maxWait() != null && request.maxWait().compareTo(mayWait) < 0) {
            mayWait = request.maxWait();
        }
        return gateway.submit(new OrderRequest(request.clientOrderId(), request.symbol(), request.side(),
                request.type(), request.quantity(), request.signalPrice(), request.candleOpenTime(), mayWait));
    }

    @Override
    public Optional<ExecutionReport> lookup(String symbol, String clientOrderId) {
        return gateway.lookup(symbol, clientOrderId);
    }
}
