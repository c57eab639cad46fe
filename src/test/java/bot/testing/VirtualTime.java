package bot.testing;

import bot.engine.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock and sleeper for many threads at once, as a discrete-event simulation: time moves only
 * when every participating thread sleeps (or has left), and then jumps to the earliest wake-up.
 * A thread doing real work (an HTTP round trip to a fake) holds time still, so minutes of waiting
 * for a rate limit pass in milliseconds, in the order they would for real. Time moves in steps of
 * a resolution, as a scheduler's tick would: the sleepers due within one step wake together and
 * run at once, and a sleep never ends early.
 */
public final class VirtualTime extends Clock implements Sleeper {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private final PriorityQueue<Long> wakeUps = new PriorityQueue<>();
    private final long resolution;
    private long now;
    private int awake;

    public VirtualTime(Instant start, Duration resolution) {
        this.now = start.toEpochMilli();
        this.resolution = Math.max(1, resolution.toMillis());
    }

    /** The calling thread takes part: time waits for it until it sleeps or {@link #leave}s. */
    public void join() {
        lock.lock();
        try {
            awake++;
        } finally {
            lock.unlock();
        }
    }

    /** The calling thread is done. */
    public void leave() {
        lock.lock();
        try {
            awake--;
            moveIfAllAsleep();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} as a participant, on a new virtual thread; joined before it starts. */
    public Thread start(Runnable work) {
        join();
        return Thread.ofVirtual().start(() -> {
            try {
                work.run();
            } finally {
                leave();
            }
        });
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        lock.lock();
        try {
            long until = now + Math.max(0, duration.toMillis());
            wakeUps.add(until);
            awake--;
            try {
                moveIfAllAsleep();
                while (now < until) {
                    moved.await();
                }
            } finally {
                wakeUps.remove(until);
                awake++;
            }
        } finally {
            lock.unlock();
        }
    }

    private void moveIfAllAsleep() {
        if (awake == 0 && !wakeUps.isEmpty() && wakeUps.peek() > now) {
            now += (wakeUps.peek() - now + resolution - 1) / resolution * resolution;
            moved.signalAll();
        }
    }

    @Override
    public long millis() {
        lock.lock();
        try {
            return now;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("always UTC");
    }
}
