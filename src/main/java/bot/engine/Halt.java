package bot.engine;

import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A strategy's halt: it trades nothing while one of its orders is in doubt past the bounded
 * lookups, and its candles wait in the runner's queue. Logged at ERROR when it starts and ends.
 */
final class Halt {
    private static final Logger log = LoggerFactory.getLogger(Halt.class);

    private final InstantSource clock;
    private volatile String clientOrderId;
    private volatile Instant since;

    Halt(InstantSource clock) {
        this.clock = clock;
    }

    boolean active() {
        return clientOrderId != null;
    }

    /** What the halt waits for, or null when there is none. */
    String reason() {
        String id = clientOrderId;
        Instant from = since;
        return id == null ? null : "the outcome of order " + id + " is unknown" + (from == null ? "" : " since " + from)
                + "; it is being looked up";
    }

    void begin(JournaledOrder order, String lastAnswer) {
        if (active()) {
            return;
        }
        since = clock.instant();
        clientOrderId = order.clientOrderId();
        log.atError().addKeyValue("clientOrderId", order.clientOrderId()).addKeyValue("side", order.side())
                .addKeyValue("reason", lastAnswer)
                .log("strategy halted: the outcome of an order is still unknown; it is looked up in the background"
                        + " until the exchange tells, and no order is sent meanwhile");
    }

    void end(String outcome) {
        if (!active()) {
            return;
        }
        log.atError().addKeyValue("clientOrderId", clientOrderId).addKeyValue("outcome", outcome)
                .addKeyValue("haltedMs", clock.millis() - since.toEpochMilli())
                .log("strategy halt ended: the order's outcome is known and recorded; trading resumes");
        clientOrderId = null;
        since = null;
    }
}
