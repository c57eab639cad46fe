package bot.risk;

import bot.domain.ClosedTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One scope's equity path and what the limits remember of it: the peak (since the last resume), the
 * equity at the start of the UTC day, and the losing round trips in a row. Fed with equity marks
 * (realized PnL plus the open positions at the last close) and closed round trips; answers the
 * trips they cause. Not thread-safe: its owner serializes the calls.
 */
public final class EquityWatch {
    private BigDecimal peak;
    private LocalDate day;
    /** When {@link #day} ends, in epoch ms; 0 when not worked out yet. */
    private long dayEndMillis;
    /** Equity at the day's start; null until the day's first mark. */
    private BigDecimal dayStart;
    /** Net PnL of the round trips closed on {@link #day}. */
    private BigDecimal realizedToday = BigDecimal.ZERO;
    private int lossesInRow;

    private EquityWatch(BigDecimal peak, LocalDate day, BigDecimal realizedToday, int lossesInRow) {
        this.peak = peak;
        this.day = day;
        this.realizedToday = realizedToday;
        this.lossesInRow = lossesInRow;
    }

    /**
     * Rebuilt from the scope's past round trips (any order): the realized equity path from 0, its peak
     * since {@code resumedAt} (from the equity at the resume; from 0 without one), today's realized PnL,
     * and the losing streak since the resume.
     */
    public static EquityWatch rebuild(List<ClosedTrade> trades, Instant resumedAt, Instant now) {
        List<ClosedTrade> sorted = new ArrayList<>(trades);
        sorted.sort((a, b) -> a.closedAt().compareTo(b.closedAt()));
        LocalDate today = dayOf(now);
        BigDecimal equity = BigDecimal.ZERO;
        BigDecimal peak = BigDecimal.ZERO;
        BigDecimal realizedToday = BigDecimal.ZERO;
        int streak = 0;
        boolean resumed = resumedAt == null;
        for (ClosedTrade trade : sorted) {
            if (!resumed && trade.closedAt().isAfter(resumedAt)) {
                resumed = true;
                peak = equity;
                streak = 0;
            }
            equity = equity.add(trade.netPnl());
            peak = peak.max(equity);
            streak = trade.netPnl().signum() < 0 ? streak + 1 : 0;
            if (dayOf(trade.closedAt()).equals(today)) {
                realizedToday = realizedToday.add(trade.netPnl());
            }
        }
        if (!resumed) {
            peak = equity;
            streak = 0;
        }
        return new EquityWatch(peak, today, realizedToday, streak);
    }

    /** A new scope with no past. */
    public static EquityWatch fresh(Instant now) {
        return new EquityWatch(BigDecimal.ZERO, dayOf(now), BigDecimal.ZERO, 0);
    }

    /**
     * The scope's equity now; the drawdown and daily-loss trips it causes. {@code capital} is the
     * capital at stake (the base of a fractional threshold).
     */
    public List<Trip> mark(Scope scope, Limits limits, BigDecimal equity, BigDecimal capital, Instant now) {
        // Marked on every candle (a backtest: millions a second): the calendar is consulted only when the
        // time has left the day last seen.
        if (now.toEpochMilli() >= dayEndMillis) {
            LocalDate today = dayOf(now);
            if (today.isAfter(day)) {
                day = today;
                realizedToday = BigDecimal.ZERO;
                dayStart = null;
            }
            dayEndMillis = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        if (dayStart == null) {
            // the day's first mark: what equity was before today's round trips
            dayStart = equity.subtract(realizedToday);
        }
        if (equity.compareTo(peak) > 0) {
            peak = equity;
        }
        if (limits.maxDrawdown() == null && limits.dailyLoss() == null) {
            return List.of();
        }
        List<Trip> trips = new ArrayList<>(2);
        BigDecimal drawdown = peak.subtract(equity);
        if (limits.maxDrawdown() != null && limits.maxDrawdown().exceededBy(drawdown, capital)) {
            trips.add(new Trip(scope, LimitKey.MAX_DRAWDOWN, drawdown, limits.maxDrawdown().amount(capital), now, null));
        }
        BigDecimal dailyLoss = dayStart.subtract(equity);
        if (limits.dailyLoss() != null && limits.dailyLoss().exceededBy(dailyLoss, capital)) {
            trips.add(new Trip(scope, LimitKey.DAILY_LOSS, dailyLoss, limits.dailyLoss().amount(capital), now,
                    dayOf(now).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        return trips;
    }

    /** A round trip of the scope closed; the losing-streak trip it causes, if any. */
    public List<Trip> closed(Scope scope, Limits limits, ClosedTrade trade, Instant now) {
        LocalDate closedOn = dayOf(trade.closedAt());
        if (closedOn.isAfter(day)) {
            day = closedOn;
            dayEndMillis = 0; // the next mark works the day's end out again
            realizedToday = BigDecimal.ZERO;
            dayStart = null;
        }
        if (closedOn.equals(day)) {
            realizedToday = realizedToday.add(trade.netPnl());
        }
        lossesInRow = trade.netPnl().signum() < 0 ? lossesInRow + 1 : 0;
        if (limits.maxLossesInRow() != null && limits.cooldown() != null && lossesInRow >= limits.maxLossesInRow()) {
            int streak = lossesInRow;
            lossesInRow = 0;
            return List.of(new Trip(scope, LimitKey.MAX_LOSSES_IN_ROW, BigDecimal.valueOf(streak),
                    BigDecimal.valueOf(limits.maxLossesInRow()), now, now.plus(limits.cooldown())));
        }
        return List.of();
    }

    /** A resume: the drawdown, the day's loss and the streak count again from here. */
    public void resume(BigDecimal equity) {
        peak = equity;
        dayStart = equity;
        realizedToday = BigDecimal.ZERO;
        lossesInRow = 0;
    }

    public BigDecimal peak() {
        return peak;
    }

    public int lossesInRow() {
        return lossesInRow;
    }

    private static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
