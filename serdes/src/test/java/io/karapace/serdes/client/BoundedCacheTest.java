package io.karapace.serdes.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The caches are bounded: the least recently used entry goes first. */
class BoundedCacheTest {

    @Test
    void evictsTheLeastRecentlyUsedEntry() throws Exception {
        BoundedCache<Integer, String> cache = new BoundedCache<>(2);
        AtomicInteger loads = new AtomicInteger();

        cache.get(1, () -> "one" + loads.incrementAndGet());
        cache.get(2, () -> "two" + loads.incrementAndGet());
        cache.get(1, () -> "again" + loads.incrementAndGet());
        cache.get(3, () -> "three" + loads.incrementAndGet());

        assertEquals(2, cache.size());
        assertEquals("one1", cache.get(1, () -> "reloaded"));
        assertEquals("reloaded", cache.get(2, () -> "reloaded"));
        assertEquals(3, loads.get());
    }
}
