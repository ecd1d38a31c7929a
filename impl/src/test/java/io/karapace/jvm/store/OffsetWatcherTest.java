package io.karapace.jvm.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OffsetWatcherTest {
    private final OffsetWatcher watcher = new OffsetWatcher();

    @Test
    void startsBeforeTheFirstOffset() throws InterruptedException {
        assertEquals(-1, watcher.reached());
        assertTrue(watcher.awaitReached(-1, Duration.ZERO));
        assertFalse(watcher.awaitReached(0, Duration.ZERO));
    }

    @Test
    void neverMovesBackwards() {
        watcher.advanceTo(7);
        watcher.advanceTo(3);
        assertEquals(7, watcher.reached());
    }

    @Test
    void giveUpWhenTheOffsetIsNotReachedInTime() throws InterruptedException {
        watcher.advanceTo(4);
        assertFalse(watcher.awaitReached(5, Duration.ofMillis(50)));
    }

    @Test
    void wakesAWaiterWhenAnotherThreadAdvancesPastItsOffset() throws Exception {
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return watcher.awaitReached(10, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        watcher.advanceTo(9);
        watcher.advanceTo(12);
        assertTrue(waiter.get());
    }
}
