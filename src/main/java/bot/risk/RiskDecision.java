package bot.risk;

import java.math.BigDecimal;

/** The outcome of a pre-trade check: a quantity to send, or why nothing is sent. A value, never an exception. */
public sealed interface RiskDecision {

    record Approved(BigDecimal quantity) implements RiskDecision {
    }

    record Denied(String reason) implements RiskDecision {
    }
}
