package io.karapace.jvm.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The highest log offset the reader has got past, and a way to wait for it to reach a given one. */
public final class OffsetWatcher {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private long reached = -1;

    /** Moves the mark forward; a lower offset than the current mark is ignored. */
    public void advanceTo(long offset) {
        lock.lock();
        try {
            if (offset > reached) {
                reached = offset;
                advanced.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public long reached() {
        lock.lock();
        try {
            return reached;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the mark is at or past {@code offset}; returns false if the timeout passes first. */
    public boolean awaitReached(long offset, Duration timeout) throws InterruptedException {
        long nanosLeft = timeout.toNanos();
        lock.lock();
        try {
            while (reached < offset) {
                if (nanosLeft <= 0) {
                    return false;
                }
                nanosLeft = advanced.awaitNanos(nanosLeft);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
