package io.karapace.jvm.app;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT stop the server gracefully ({@link KarapaceServer#stop}) and exit 0, or 1 when requests
 * had to be cut. A second signal, or a stop still running twice {@code shutdown_timeout_ms} after the
 * signal, exits at once with 1. JVM shutdown hooks (log4j's flush) still run after a graceful stop.
 */
final class StopOnSignal {
    private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);
    static final int FORCED = 1;

    private final KarapaceServer server;
    private final AtomicInteger signals = new AtomicInteger();

    private StopOnSignal(KarapaceServer server) {
        this.server = server;
    }

    static void install(KarapaceServer server) {
        StopOnSignal handler = new StopOnSignal(server);
        Signal.handle(new Signal("TERM"), handler::onSignal);
        Signal.handle(new Signal("INT"), handler::onSignal);
        // Other ways out (System.exit elsewhere, SIGHUP) still close what is open
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
    }

    private void onSignal(Signal signal) {
        if (signals.getAndIncrement() > 0) {
            LOG.warn("Second SIG{}: exiting now", signal.getName());
            Runtime.getRuntime().halt(FORCED);
        }
        LOG.info("SIG{}: stopping gracefully (a second signal exits at once)", signal.getName());
        Duration timeout = server.shutdownTimeout();
        start("shutdown-watchdog", true, () -> {
            sleep(timeout.multipliedBy(2).plusSeconds(1));
            LOG.warn("Still stopping after twice shutdown_timeout_ms ({} ms): exiting now", timeout.toMillis());
            Runtime.getRuntime().halt(FORCED);
        });
        // not a daemon: else the JVM ends with 0 as soon as the stop has ended every other thread
        start("graceful-stop", false, () -> System.exit(server.stop() ? 0 : FORCED));
    }

    private static void start(String name, boolean daemon, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(daemon);
        thread.start();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
