package io.karapace.jvm.proxy.consumer;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on a shared pool; each finished task hands the next one
 * back to the pool, so one busy instance never keeps a worker from the others. The lock between tasks also
 * publishes one task's writes to the next, whatever thread runs it.
 */
final class SerialExecutor implements Executor {
    private final Executor workers;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor workers) {
        this.workers = workers;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        workers.execute(this::runNext);
    }

    private void runNext() {
        Runnable task;
        synchronized (this) {
            task = tasks.remove();
        }
        try {
            task.run();
        } finally {
            synchronized (this) {
                running = !tasks.isEmpty();
            }
            if (running) {
                workers.execute(this::runNext);
            }
        }
    }
}
