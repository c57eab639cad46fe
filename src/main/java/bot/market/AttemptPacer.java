package bot.market;

import java.time.Duration;

/**
 * Paces connection attempts: the full-jitter backoff, stretched to whatever the shared attempt
 * budget needs, and every attempt taken from that budget first.
 */
final class AttemptPacer {
    private final FullJitterBackoff backoff;
    private final ConnectionAttemptBudget budget;

    AttemptPacer(FullJitterBackoff backoff, ConnectionAttemptBudget budget) {
        this.backoff = backoff;
        this.budget = budget;
    }

    /** The wait before retry {@code retry} (0 = the first): the backoff's, or until the budget has an attempt. */
    Duration delayBefore(int retry) {
        Duration delay = backoff.delay(retry);
        Duration budgetWait = budget.waitTime();
        return budgetWait.compareTo(delay) > 0 ? budgetWait : delay;
    }

    /** Takes an attempt: zero when taken, else how long until one is free (nothing taken). */
    Duration tryAttempt() {
        return budget.tryAcquire();
    }
}
