package bot.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /events}: Server-Sent Events, one {@code journal} event each time the journal's newest
 * ids change (the page then fetches what is new), and a comment every 15 s that finds dead clients.
 * At most {@link #MAX_CLIENTS} at a time: each holds a (virtual) thread.
 */
final class EventStream {
    static final int MAX_CLIENTS = 32;
    private static final long HEARTBEAT_SECONDS = 15;
    private final JournalPoller poller;

    EventStream(JournalPoller poller) {
        this.poller = poller;
    }

    void serve(HttpExchange exchange) throws IOException {
        if (poller.listeners() >= MAX_CLIENTS) {
            Replies.text(exchange, 503, "text/plain; charset=utf-8", "too many event streams open\n");
            return;
        }
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(16);
        poller.listen(queue);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, "retry: 2000\nevent: journal\ndata: " + poller.event() + "\n\n");
            while (true) {
                String event = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                write(out, event == null ? ": alive\n\n" : "event: journal\ndata: " + event + "\n\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away
        } finally {
            poller.forget(queue);
            exchange.close();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
