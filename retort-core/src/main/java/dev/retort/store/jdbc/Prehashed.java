package dev.retort.store.jdbc;

import dev.retort.BugException;
import dev.retort.RetortException;
import dev.retort.space.Config;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Expands configs and computes their canonical JSON and hash on a second thread while the caller inserts,
 * so a large registration uses both cores: one for SQLite, one for JSON and SHA-256. The queue is bounded,
 * so memory stays at a few thousand configs however large the space.
 */
final class Prehashed implements Iterator<Config>, AutoCloseable {
    private static final int CHUNK = 512; // small: a slow space still hands configs over promptly
    /** A partial chunk is handed over after this long, so a slow space still feeds the registration. */
    private static final long HAND_OVER_NANOS = 50_000_000L;
    private static final List<Config> END = new ArrayList<>();

    private final BlockingQueue<List<Config>> queue = new ArrayBlockingQueue<>(16);
    private final Thread producer;
    private volatile Throwable failure;
    private List<Config> chunk = List.of();
    private int pos;

    Prehashed(Iterator<Config> source) {
        producer = new Thread(() -> {
            try {
                while (source.hasNext()) {
                    List<Config> c = new ArrayList<>(CHUNK);
                    long since = System.nanoTime();
                    for (int i = 0; i < CHUNK && source.hasNext() && System.nanoTime() - since < HAND_OVER_NANOS; i++) {
                        Config cfg = source.next();
                        cfg.hash(); // computes and caches the JSON and the hash
                        c.add(cfg);
                    }
                    queue.put(c);
                }
            } catch (InterruptedException e) {
                return; // the consumer closed early
            } catch (Throwable t) {
                failure = t;
            }
            try {
                queue.put(END);
            } catch (InterruptedException ignored) {
                // closed
            }
        }, "retort-register-hash");
        producer.setDaemon(true);
        producer.start();
    }

    @Override
    public boolean hasNext() {
        if (pos < chunk.size()) return true;
        if (chunk == END) return false;
        try {
            chunk = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetortException("interrupted while registering trials", e);
        }
        pos = 0;
        if (chunk == END) {
            Throwable f = failure;
            if (f instanceof RuntimeException re) throw re;
            if (f instanceof Error err) throw err;
            if (f != null) throw new BugException("expanding the space failed", f);
            return false;
        }
        return pos < chunk.size();
    }

    @Override
    public Config next() {
        if (!hasNext()) throw new NoSuchElementException();
        return chunk.get(pos++);
    }

    @Override
    public void close() {
        producer.interrupt();
    }
}
