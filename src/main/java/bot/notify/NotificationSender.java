package bot.notify;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier of a running daemon: {@link #publish} only offers the notice to a bounded queue (the
 * caller never waits); one virtual thread sends each notice to every channel, retrying a failed
 * delivery with backoff. When the queue is full (a receiver down and retries piling up), new
 * notices are dropped: one WARN line when dropping begins, one INFO line with the count when it ends.
 */
public final class NotificationSender implements Notifier, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    /** Waits between attempts of one delivery: then it is given up. */
    public static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(20));
    private static final Notice STOP = new Notice(Notice.Kind.DAEMON_STOPPED, null, "", null, java.time.Instant.EPOCH);

    /** How the sender waits between attempts; a test passes one that does not sleep. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final List<NoticeChannel> channels;
    private final List<Duration> backoff;
    private final Pause pause;
    private final List<String> secrets;
    private final BlockingQueue<Notice> queue;
    private final AtomicBoolean dropping = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param secrets values that must never reach the log (a Telegram token): scrubbed from error messages
     */
    NotificationSender(List<NoticeChannel> channels, int capacity, List<Duration> backoff, Pause pause,
                       List<String> secrets) {
        this.channels = List.copyOf(channels);
        this.backoff = List.copyOf(backoff);
        this.pause = pause;
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = Thread.ofVirtual().name("notifications").start(this::run);
    }

    @Override
    public void publish(Notice notice) {
        if (closed || channels.isEmpty()) {
            return;
        }
        if (queue.offer(notice)) {
            return;
        }
        dropped.incrementAndGet();
        if (dropping.compareAndSet(false, true)) {
            log.atWarn().addKeyValue("kind", notice.kind()).addKeyValue("capacity", queue.size() + queue.remainingCapacity())
                    .log("notification queue full (a receiver is down or slow): dropping notices until it drains");
        }
    }

    /** Notices delivered to every channel, or given up, since the start. */
    public long delivered() {
        return delivered.get();
    }

    /** Notices dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    private void run() {
        try {
            while (true) {
                Notice notice = queue.take();
                if (notice == STOP) {
                    return;
                }
                if (dropping.get() && queue.remainingCapacity() > 0 && dropping.compareAndSet(true, false)) {
                    log.atInfo().addKeyValue("dropped", dropped.get()).log("notification queue has room again");
                }
                for (NoticeChannel channel : channels) {
                    deliver(channel, notice);
                }
                delivered.incrementAndGet();
            }
        } catch (InterruptedException e) {
            // closing: what is left in the queue is not sent
        }
    }

    private void deliver(NoticeChannel channel, Notice notice) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                channel.send(notice);
                return;
            } catch (IOException | RuntimeException e) {
                if (attempt >= backoff.size()) {
                    log.atWarn().addKeyValue("channel", channel.name()).addKeyValue("kind", notice.kind())
                            .addKeyValue("attempts", attempt + 1).addKeyValue("reason", scrub(e))
                            .log("notification dropped: the receiver did not take it");
                    return;
                }
                log.atDebug().addKeyValue("channel", channel.name()).addKeyValue("reason", scrub(e))
                        .log("notification not delivered; trying again");
                pause.sleep(backoff.get(attempt));
            }
        }
    }

    /** The error as a line without any secret value (OkHttp's messages hold hosts, never paths, but be sure). */
    private String scrub(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        for (String secret : secrets) {
            text = text.replace(secret, "***");
        }
        return text;
    }

    /**
     * Stops taking notices and gives the sender up to {@code flush} to deliver what is queued (the
     * daemon's stop notice among them); then cuts its waits short.
     */
    public void close(Duration flush) {
        closed = true;
        long deadline = System.nanoTime() + flush.toNanos();
        try {
            if (queue.offer(STOP, flush.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)
                    && thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
        log.atWarn().addKeyValue("left", queue.size()).log("notifications still queued at stop were not sent");
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
