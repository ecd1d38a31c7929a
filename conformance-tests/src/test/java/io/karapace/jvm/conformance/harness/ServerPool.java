package io.karapace.jvm.conformance.harness;

/**
 * The servers a fixture suite replays against: one shared server, started on first use, plus
 * throw-away servers for fixtures that need a registry of their own. Once a start fails, later
 * requests fail at once with the same cause instead of waiting out the startup timeout again.
 */
public final class ServerPool implements AutoCloseable {

    private final ServerLauncher launcher;
    private ServerProcess shared;
    private RuntimeException startupFailure;

    public ServerPool(ServerLauncher launcher) {
        this.launcher = launcher;
    }

    public ServerProcess shared() {
        if (shared == null) {
            shared = start("shared");
        } else if (!shared.isAlive()) {
            throw new IllegalStateException("the shared server died; log " + shared.logFile() + " ends with:\n" + shared.logTail());
        }
        return shared;
    }

    /** A server on a new, empty topic; the caller closes it. */
    public ServerProcess fresh() {
        return start("fresh");
    }

    private ServerProcess start(String purpose) {
        if (startupFailure != null) {
            String cause = String.valueOf(startupFailure.getMessage()).lines().findFirst().orElse("");
            throw new IllegalStateException("not retried, an earlier server start failed: " + cause, startupFailure);
        }
        try {
            return launcher.start(ServerLauncher.uniqueTopic(purpose));
        } catch (RuntimeException e) {
            startupFailure = e;
            throw e;
        }
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }
}
