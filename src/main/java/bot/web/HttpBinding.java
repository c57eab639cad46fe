package bot.web;

import bot.config.SettingsException;
import bot.config.Settings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where the HTTP server listens and the token it asks for, checked before anything starts: bound
 * beyond loopback it must have a token, or anyone on the network could read the journal.
 */
public record HttpBinding(InetSocketAddress address, Optional<String> token) {

    /** The binding the settings ask for; empty when BOT_HTTP_ADDRESS is empty (no server). */
    public static Optional<HttpBinding> of(Settings settings) {
        Optional<String> address = settings.httpAddress();
        if (address.isEmpty()) {
            return Optional.empty();
        }
        String value = address.get();
        int colon = value.lastIndexOf(':');
        String host = value.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(value.substring(colon + 1));
        InetAddress ip;
        try {
            ip = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new SettingsException("BOT_HTTP_ADDRESS: unknown host '" + host + "'");
        }
        if (!ip.isLoopbackAddress() && settings.httpToken().isEmpty()) {
            throw new SettingsException("BOT_HTTP_ADDRESS: " + value + " is reachable from the network;"
                    + " set BOT_HTTP_TOKEN (in the settings file or the environment) or listen on 127.0.0.1");
        }
        return Optional.of(new HttpBinding(new InetSocketAddress(ip, port), settings.httpToken()));
    }
}
