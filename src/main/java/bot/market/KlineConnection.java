package bot.market;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Candle;
import bot.rest.ExchangeTraffic;
import dev.failsafe.AsyncExecution;
import dev.failsafe.ExecutionContext;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One combined-stream WebSocket ({@code <ws base>/stream?streams=a/b}) kept open. After a
 * connection that lived normally (it carried data) is lost, it reconnects at once; only while
 * attempts keep failing (refused, or dropped before any data) does it back off, with full jitter,
 * inside the shared attempt budget. It replaces itself without a gap (new socket first, then the
 * old one closed) on {@code serverShutdown}, before Binance's 24-hour limit, and when streams are
 * added. Its reader threads only parse and hand candles to the sink. It sends nothing but OkHttp's
 * pings and pongs, far below Binance's 5 incoming messages a second.
 */
final class KlineConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KlineConnection.class);

    /** Where a connection's output goes. Called on OkHttp's reader threads: hand over, never block. */
    interface Sink {
        void update(KlineStream stream, Candle candle);

        /** A socket opened for {@code streams}, which no socket listened to until now: what closed meanwhile must be fetched. */
        void connected(Collection<KlineStream> streams);
    }

    private final OkHttpClient http;
    private final String wsBaseUrl;
    private final Sink sink;
    private final AttemptPacer pacer;
    private final OutageLog outage;
    private final ScheduledExecutorService scheduler;
    private final InstantSource clock;
    private final FeedTimings timings;
    private final ConnectionWatch watch;
    private final RetryPolicy<Void> retryPolicy;
    private final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock.
    private final LinkedHashSet<KlineStream> streams = new LinkedHashSet<>();
    private Socket current;
    /** A socket of this connection has opened before: the next one is a reconnect (or a rotation). */
    private boolean everOpened;
    private Socket dialling;
    private boolean connecting;
    private volatile boolean closed;
    /** Attempts in a row that failed: refused, or dropped before any data came. They lengthen the backoff. */
    private volatile int failures;
    private CompletableFuture<Void> attempts;
    private ScheduledFuture<?> watchTask;

    KlineConnection(OkHttpClient http, String wsBaseUrl, Sink sink, AttemptPacer pacer, OutageLog outage,
            ScheduledExecutorService scheduler, InstantSource clock, FeedTimings timings) {
        this.http = http;
        this.wsBaseUrl = wsBaseUrl;
        this.sink = sink;
        this.pacer = pacer;
        this.outage = outage;
        this.scheduler = scheduler;
        this.clock = clock;
        this.timings = timings;
        this.watch = new ConnectionWatch(timings);
        this.retryPolicy = RetryPolicy.<Void>builder()
                .handle(Throwable.class)
                .abortOn(ConnectionClosedException.class)
                .withMaxRetries(-1)
                .withDelayFn(this::delayBefore)
                .onRetryScheduled(e -> outage.failed("connecting " + streamNames(), e.getLastException()))
                .build();
    }

    static String url(String wsBaseUrl, Collection<KlineStream> streams) {
        String base = wsBaseUrl.endsWith("/") ? wsBaseUrl.substring(0, wsBaseUrl.length() - 1) : wsBaseUrl;
        return base + "/stream?streams=" + streams.stream().map(KlineStream::name).collect(Collectors.joining("/"));
    }

    int size() {
        lock.lock();
        try {
            return streams.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds streams: the first call opens the connection; later ones replace the open socket by one
     * carrying every stream (a dial in progress is followed by another once it opens).
     */
    void add(Collection<KlineStream> added) {
        lock.lock();
        try {
            if (closed || !streams.addAll(added)) {
                return;
            }
            if (watchTask == null) {
                long period = timings.watchPeriod().toMillis();
                watchTask = scheduler.scheduleWithFixedDelay(this::checkHealth, period, period, TimeUnit.MILLISECONDS);
            }
            if (!connecting) {
                connect(Duration.ZERO);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Starts attempts (under the lock); the current socket, if any, stays until a new one opens. */
    private void connect(Duration initialDelay) {
        connecting = true;
        if (initialDelay.isZero()) {
            startAttempts();
        } else {
            scheduler.schedule(this::startAttempts, initialDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void startAttempts() {
        lock.lock();
        try {
            if (!closed) {
                attempts = Failsafe.with(retryPolicy).with(scheduler).runAsyncExecution(this::attempt);
            }
        } finally {
            lock.unlock();
        }
    }

    private Duration delayBefore(ExecutionContext<Void> context) {
        return pacer.delayBefore(failures + context.getAttemptCount() - 1);
    }

    private void attempt(AsyncExecution<Void> execution) {
        lock.lock();
        try {
            if (closed) {
                execution.recordException(new ConnectionClosedException());
                return;
            }
            Duration wait = pacer.tryAttempt();
            if (!wait.isZero()) {
                execution.recordException(new AttemptBudgetSpent(wait));
                return;
            }
            Socket socket = new Socket(execution, List.copyOf(streams));
            dialling = socket;
            socket.webSocket = http.newWebSocket(new Request.Builder().url(url(wsBaseUrl, socket.streams)).build(),
                    socket);
        } finally {
            lock.unlock();
        }
    }

    private void opened(Socket socket, WebSocket webSocket) {
        Collection<KlineStream> unheard;
        lock.lock();
        try {
            socket.webSocket = webSocket;
            if (closed) {
                webSocket.close(1000, "feed closed");
                socket.attempt.recordException(new ConnectionClosedException());
                return;
            }
            long now = clock.millis();
            socket.openedAt = now;
            socket.lastMessageAt = now;
            socket.open = true;
            Socket old = current;
            ExchangeTraffic.PROCESS.socketOpened(everOpened);
            everOpened = true;
            current = socket;
            dialling = null;
            connecting = false;
            unheard = new ArrayList<>(socket.streams);
            if (old != null) {
                unheard.removeAll(old.streams); // the old socket listened until now: no gap in those
                old.webSocket.close(1000, "replaced by a new connection");
            }
            log.info("kline connection open", kv("streams", streamNames()));
            socket.attempt.recordResult(null);
            if (socket.streams.size() < streams.size()) {
                connect(Duration.ZERO); // streams were added while this socket was dialling
            }
        } finally {
            lock.unlock();
        }
        outage.succeeded();
        sink.connected(unheard);
    }

    private void handle(Socket socket, StreamMessage message) {
        if (message instanceof StreamMessage.KlineUpdate update) {
            sink.update(update.stream(), update.candle());
        } else if (message instanceof StreamMessage.ServerShutdown) {
            serverShutdown(socket);
        }
    }

    /** Bad data is dropped and logged; the connection and its other streams go on. */
    private static void dropped(MalformedEventException e) {
        KlineStream stream = e.stream();
        log.error("dropped a bad kline message: {}", e.getMessage(),
                kv("symbol", stream == null ? "unknown" : stream.symbol()),
                kv("interval", stream == null ? "unknown" : stream.interval().code()));
    }

    private void serverShutdown(Socket socket) {
        lock.lock();
        try {
            if (socket == current && !connecting && !closed) {
                log.info("server announced a shutdown: reconnecting now", kv("streams", streamNames()));
                connect(Duration.ZERO);
            }
        } finally {
            lock.unlock();
        }
    }

    private void lost(Socket socket, Throwable failure, String reason) {
        lock.lock();
        try {
            if (!socket.open) {
                if (socket == dialling) {
                    dialling = null;
                    socket.attempt.recordException(failure);
                }
                return;
            }
            if (socket != current) {
                return; // a replaced socket finishing its close
            }
            current = null;
            // A connection that carried data lived normally: reconnect at once. One dropped before
            // any data is a failed attempt: back off while that goes on.
            failures = socket.heard ? 0 : failures + 1;
            if (closed || connecting) {
                return;
            }
            log.warn("kline connection lost ({}); reconnecting", reason, kv("streams", streamNames()));
            connect(failures == 0 ? Duration.ZERO : pacer.delayBefore(failures - 1));
        } finally {
            lock.unlock();
        }
    }

    private void checkHealth() {
        lock.lock();
        try {
            if (closed || current == null || current.condemned) {
                return;
            }
            switch (watch.check(clock.millis(), current.openedAt, current.lastMessageAt)) {
                case SILENT -> {
                    log.warn("kline connection silent for {} ms: treating it as dead",
                            clock.millis() - current.lastMessageAt, kv("streams", streamNames()));
                    current.condemned = true;
                    current.webSocket.cancel();
                }
                case DUE_FOR_REPLACEMENT -> {
                    if (!connecting) {
                        log.info("replacing the kline connection before its 24-hour limit",
                                kv("streams", streamNames()));
                        connect(Duration.ZERO);
                    }
                }
                case HEALTHY -> {
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (watchTask != null) {
                watchTask.cancel(false);
            }
            if (attempts != null) {
                attempts.cancel(false);
            }
            if (dialling != null && dialling.webSocket != null) {
                dialling.webSocket.cancel();
            }
            if (current != null) {
                current.webSocket.close(1000, "feed closed");
            }
        } finally {
            lock.unlock();
        }
    }

    private String streamNames() {
        List<KlineStream> names;
        lock.lock();
        try {
            names = List.copyOf(streams);
        } finally {
            lock.unlock();
        }
        return names.size() <= 3 ? names.stream().map(KlineStream::name).collect(Collectors.joining(","))
                : names.get(0).name() + " and " + (names.size() - 1) + " more";
    }

    /** One WebSocket of this connection, from dialling to close; its parser belongs to its reader thread. */
    private final class Socket extends WebSocketListener {
        final AsyncExecution<Void> attempt;
        final List<KlineStream> streams;
        final KlineEventParser parser;
        volatile WebSocket webSocket;
        volatile long lastMessageAt;
        volatile long openedAt;
        volatile boolean open;
        /** A message came: the connection works. */
        volatile boolean heard;
        /** Cancelled for silence; its failure is on the way. */
        boolean condemned;

        Socket(AsyncExecution<Void> attempt, List<KlineStream> streams) {
            this.attempt = attempt;
            this.streams = streams;
            this.parser = new KlineEventParser(streams);
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened(this, webSocket);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (!closed) {
                lastMessageAt = clock.millis();
                heard = true;
                try {
                    handle(this, parser.parse(text));
                } catch (MalformedEventException e) {
                    dropped(e);
                }
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            onMessage(webSocket, bytes.utf8());
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            String why = "closed by the server: " + code + " " + reason;
            lost(this, new IOException(why), why);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            lost(this, t, t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
    }

    /** The budget had no attempt left (the next delay waits for one). */
    private static final class AttemptBudgetSpent extends Exception {
        AttemptBudgetSpent(Duration wait) {
            super("connection attempt budget spent for another " + wait.toMillis() + " ms", null, false, false);
        }
    }

    private static final class ConnectionClosedException extends Exception {
        ConnectionClosedException() {
            super("connection closed", null, false, false);
        }
    }
}
