package io.karapace.jvm.proxy.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void tasksRunOneAtATimeInSubmissionOrderOnWhateverWorker() throws InterruptedException {
        SerialExecutor serial = new SerialExecutor(pool);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1000);

        for (int i = 0; i < 1000; i++) {
            int task = i;
            serial.execute(() -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                order.add(task);
                running.decrementAndGet();
                done.countDown();
            });
        }

        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(0, overlaps.get());
        assertEquals(IntStream.range(0, 1000).boxed().toList(), order);
    }

    @Test
    void aBusyQueueGivesItsWorkerBackAfterEachTask() throws InterruptedException {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor busy = new SerialExecutor(single);
            SerialExecutor other = new SerialExecutor(single);
            List<String> ran = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(4);
            CountDownLatch release = new CountDownLatch(1);

            busy.execute(() -> await(release));
            for (int i = 1; i <= 3; i++) {
                String name = "busy-" + i;
                busy.execute(() -> {
                    ran.add(name);
                    done.countDown();
                });
            }
            other.execute(() -> {
                ran.add("other");
                done.countDown();
            });
            release.countDown();

            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("other", "busy-1", "busy-2", "busy-3"), ran);
        } finally {
            single.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
