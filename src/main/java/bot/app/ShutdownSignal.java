package bot.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT. The JVM's own handling of these signals runs the shutdown hooks and
 * exits with 143/130, which systemd counts as a failure; handling them here lets the daemon stop in
 * order on the main thread and exit 0. (sun.misc.Signal, from jdk.unsupported, is the only API for
 * this; javac warns about it.) A shutdown hook covers every other way out (SIGHUP, System.exit):
 * it asks for the same stop and waits for it to finish.
 */
public final class ShutdownSignal {
    private static final Logger log = LoggerFactory.getLogger(ShutdownSignal.class);
    private static final Duration HOOK_WAIT = Duration.ofSeconds(20);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    private ShutdownSignal() {
    }

    /** Installs the handlers for this process; call once, from the command that runs the daemon. */
    public static ShutdownSignal install() {
        ShutdownSignal signal = new ShutdownSignal();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), s -> signal.request("SIG" + s.getName()));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(signal::onJvmShutdown, "bot-shutdown"));
        return signal;
    }

    /** Asks for a stop; the first reason wins. */
    public void request(String reason) {
        if (requested.getCount() > 0) {
            log.info("stopping on {}", reason);
            requested.countDown();
        }
    }

    /** Blocks until a stop is asked for. */
    public void await() throws InterruptedException {
        requested.await();
    }

    /** Tells a waiting shutdown hook that the daemon has stopped. */
    public void finished() {
        finished.countDown();
    }

    private void onJvmShutdown() {
        request("JVM shutdown");
        try {
            finished.await(HOOK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
