package bot.engine;

/** The journal as an order's life sees it: each outcome, once written, also reaches the strategy's risk seat. */
final class RiskMarkingJournal extends ForwardingJournal {
    private final RiskBook.Seat seat;

    RiskMarkingJournal(Journal journal, RiskBook.Seat seat) {
        super(journal);
        this.seat = seat;
    }

    @Override
    public void record(Settlement settlement) {
        super.record(settlement);
        seat.settled(settlement); // after the write: a retried write reaches the seat once, when it sticks
    }
}
