package bot.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ServerSocketFactory;

/** Server sockets that remember every connection they accept, so a test can cut them all like a network failure. */
final class CuttableServerSockets extends ServerSocketFactory {
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    /** Closes every connection accepted so far, without any protocol's goodbye. */
    void cutAll() {
        for (Socket socket : accepted) {
            accepted.remove(socket);
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                Socket socket = new Socket();
                implAccept(socket);
                accepted.add(socket);
                return socket;
            }
        };
    }

    @Override
    public ServerSocket createServerSocket(int port) {
        throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) {
        throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
        throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }
}
