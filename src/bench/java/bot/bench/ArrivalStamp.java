package bot.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;

/**
 * When bytes reach the bot: a socket factory for OkHttp whose sockets note the time of the first
 * read that returns data after {@link #arm()}. On a loopback stream connection that read is the
 * WebSocket frame arriving, before OkHttp has parsed it or called the bot's listener.
 */
final class ArrivalStamp extends SocketFactory {
    private final AtomicLong arrival = new AtomicLong();

    /** Forgets the last arrival; the next read that returns data is stamped. */
    void arm() {
        arrival.set(0);
    }

    /** System.nanoTime of the first read since {@link #arm()}, 0 when none yet. */
    long arrival() {
        return arrival.get();
    }

    @Override
    public Socket createSocket() {
        return new StampingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }

    /** OkHttp asks for an unconnected socket; the other forms are there for completeness. */
    private Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = createSocket();
        socket.connect(address);
        return socket;
    }

    private final class StampingSocket extends Socket {
        private InputStream in;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = super.read(b, off, len);
                        if (n > 0) {
                            arrival.compareAndSet(0, System.nanoTime());
                        }
                        return n;
                    }
                };
            }
            return in;
        }
    }
}
