package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.ExecutionReport;
import bot.domain.OrderRequest;
import bot.domain.OrderStatus;
import bot.domain.OrderType;
import bot.domain.Side;
import bot.engine.OrderGateway;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaseGuardedGatewayTest {
    private final List<OrderRequest> sent = new ArrayList<>();
    private final OrderGateway exchange = new OrderGateway() {
        @Override
        public ExecutionReport submit(OrderRequest request) {
            sent.add(request);
            return new ExecutionReport(request.clientOrderId(), OrderStatus.FILLED, null, BigDecimal.ONE,
                    BigDecimal.ONE, List.of(), null, Clock.systemUTC().instant());
        }

        @Override
        public Optional<ExecutionReport> lookup(String symbol, String clientOrderId) {
            return Optional.empty();
        }
    };

    private static OrderRequest order(Duration maxWait) {
        return new OrderRequest("b1-x-1", "BTCUSDT", Side.SELL, OrderType.MARKET, BigDecimal.ONE, BigDecimal.TEN, 0,
                maxWait);
    }

    private LeaseGuardedGateway guarded(Duration left) {
        return new LeaseGuardedGateway(exchange, () -> left, Duration.ofSeconds(5), Clock.systemUTC());
    }

    @Test
    void anOrderMayWaitInsideTheGatewayOnlyWhileTheLeaseKeepsItsMarginEvenAnExitWithNoLimitOfItsOwn() {
        guarded(Duration.ofSeconds(8)).submit(order(null));
        assertEquals(Duration.ofSeconds(3), sent.get(0).maxWait(), "an exit may wait 8 - 5 s, no longer");
        guarded(Duration.ofSeconds(8)).submit(order(Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(1), sent.get(1).maxWait(), "a stale-entry limit shorter than that holds");
    }

    @Test
    void anOrderIsNotSentWhenTheLeaseRunsOutTooSoon() {
        ExecutionReport report = guarded(Duration.ofSeconds(4)).submit(order(null));
        assertEquals(OrderStatus.EXPIRED, report.status());
        assertTrue(sent.isEmpty());
    }
}
