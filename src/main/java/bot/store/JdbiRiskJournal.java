package bot.store;

import bot.domain.ClosedTrade;
import bot.engine.RiskJournal;
import java.sql.Timestamp;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The limits' journal over risk_blocks, risk_events, risk_denials and round_trips. */
public final class JdbiRiskJournal implements RiskJournal {
    private final Jdbi jdbi;

    public JdbiRiskJournal(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The trip as a block (replacing an older trip of the same limit) and an event, announced in one transaction. */
    @Override
    public void tripped(TripRecord trip) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                    insert into risk_blocks (scope_kind, scope_name, kind, limit_key, reason, value, threshold, at, until)
                    values (:kind, :name, 'trip', :limit, :reason, :value, :threshold, :at, :until)
                    on conflict (scope_kind, scope_name, coalesce(limit_key, '')) do update set kind = 'trip',
                        reason = excluded.reason, value = excluded.value, threshold = excluded.threshold,
                        flatten = false, at = excluded.at, until = excluded.until""")
                    .bind("kind", trip.scopeKind()).bind("name", trip.scopeName()).bind("limit", trip.limit())
                    .bind("reason", trip.reason()).bind("value", trip.value()).bind("threshold", trip.threshold())
                    .bind("at", Timestamp.from(trip.at()))
                    .bind("until", trip.until() == null ? null : Timestamp.from(trip.until()))
                    .execute();
            h.createUpdate("""
                    insert into risk_events (at, event, scope_kind, scope_name, limit_key, reason, value, threshold, until)
                    values (:at, 'trip', :kind, :name, :limit, :reason, :value, :threshold, :until)""")
                    .bind("kind", trip.scopeKind()).bind("name", trip.scopeName()).bind("limit", trip.limit())
                    .bind("reason", trip.reason()).bind("value", trip.value()).bind("threshold", trip.threshold())
                    .bind("at", Timestamp.from(trip.at()))
                    .bind("until", trip.until() == null ? null : Timestamp.from(trip.until()))
                    .execute();
            Changes.announce(h, Changes.Topic.RISK);
        });
    }

    @Override
    public void denied(long strategyId, String reason, long candleOpenTime) {
        jdbi.useHandle(h -> h.createUpdate("""
                insert into risk_denials (strategy_id, reason, candle_open_time) values (:id, :reason, :candle)""")
                .bind("id", strategyId).bind("reason", reason).bind("candle", candleOpenTime).execute());
    }

    @Override
    public List<ClosedTrade> roundTrips(long strategyId) {
        return jdbi.withHandle(h -> h.createQuery(
                "select net_pnl, closed_at from round_trips where strategy_id = :id order by closed_at, id")
                .bind("id", strategyId)
                .map((rs, ctx) -> new ClosedTrade(rs.getBigDecimal(1), rs.getTimestamp(2).toInstant())).list());
    }
}
