package bot.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** The server side of one fake Binance stream connection: its streams, its form, whether it is stalled. */
final class StreamSocket extends WebSocketListener {
    final Set<String> streams;
    final boolean combined;
    private final List<StreamSocket> open;
    private final AtomicInteger closedByClient;
    volatile WebSocket webSocket;
    volatile boolean stalled;

    StreamSocket(Set<String> streams, boolean combined, List<StreamSocket> open, AtomicInteger closedByClient) {
        this.streams = streams;
        this.combined = combined;
        this.open = open;
        this.closedByClient = closedByClient;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        this.webSocket = webSocket;
        open.add(this);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        if (open.remove(this)) {
            closedByClient.incrementAndGet();
        }
        webSocket.close(code, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        open.remove(this);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        open.remove(this);
    }
}
