package io.karapace.serdes.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A thread-safe least-recently-used cache that loads each missing key once: callers asking for a key
 * that is being loaded wait for that load instead of starting their own. A failed load is not cached.
 */
public final class BoundedCache<K, V> {

    /** Loads one value; may call the registry. */
    @FunctionalInterface
    public interface Loader<V> {
        V load() throws IOException, RestClientException;
    }

    private final Map<K, CompletableFuture<V>> entries;

    public BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1, not " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, CompletableFuture<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached value of the key, or the loader's value, which is then cached. */
    public V get(K key, Loader<V> loader) throws IOException, RestClientException {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing;
        synchronized (entries) {
            existing = entries.putIfAbsent(key, mine);
        }
        return existing != null ? await(existing) : load(key, mine, loader);
    }

    public void put(K key, V value) {
        synchronized (entries) {
            entries.put(key, CompletableFuture.completedFuture(value));
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private V load(K key, CompletableFuture<V> mine, Loader<V> loader) throws IOException, RestClientException {
        try {
            V value = loader.load();
            mine.complete(value);
            return value;
        } catch (IOException | RestClientException | RuntimeException | Error e) {
            synchronized (entries) {
                entries.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static <V> V await(CompletableFuture<V> future) throws IOException, RestClientException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a registry call");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RestClientException rest) {
                throw rest;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) cause;
        }
    }
}
