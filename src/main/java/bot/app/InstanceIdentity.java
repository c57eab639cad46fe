package bot.app;

import bot.store.Leases;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** This process as other instances and {@code bot status} see it: a random id, the host name and the pid. */
final class InstanceIdentity {

    private InstanceIdentity() {
    }

    static Leases.Instance current() {
        return new Leases.Instance(UUID.randomUUID().toString(), hostName(), ProcessHandle.current().pid());
    }

    private static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
