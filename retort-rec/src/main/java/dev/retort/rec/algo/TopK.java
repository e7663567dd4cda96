package dev.retort.rec.algo;

/**
 * Keeps the best {@code k} (id, score) pairs offered, in any order: higher score first, then lower id. A
 * bounded min-heap over primitive arrays whose root is the worst kept pair. Reusable via {@link #reset}.
 */
final class TopK {
    private final int[] ids;
    private final float[] scores;
    private int k;
    private int size;

    TopK(int capacity) {
        ids = new int[Math.max(1, capacity)];
        scores = new float[Math.max(1, capacity)];
        k = capacity;
    }

    void reset(int newK) {
        if (newK > ids.length) throw new dev.retort.BugException("TopK capacity " + ids.length + " < " + newK);
        k = newK;
        size = 0;
    }

    int size() {
        return size;
    }

    /** True when (s1, id1) ranks below (s2, id2). */
    private static boolean worse(float s1, int id1, float s2, int id2) {
        return s1 < s2 || (s1 == s2 && id1 > id2);
    }

    void offer(int id, float score) {
        if (size < k) {
            int i = size++;
            while (i > 0) { // sift up
                int parent = (i - 1) >>> 1;
                if (!worse(score, id, scores[parent], ids[parent])) break;
                ids[i] = ids[parent];
                scores[i] = scores[parent];
                i = parent;
            }
            ids[i] = id;
            scores[i] = score;
        } else if (k > 0 && worse(scores[0], ids[0], score, id)) {
            siftDown(id, score, size);
        }
    }

    private void siftDown(int id, float score, int n) {
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= n) break;
            if (c + 1 < n && worse(scores[c + 1], ids[c + 1], scores[c], ids[c])) c++;
            if (!worse(scores[c], ids[c], score, id)) break;
            ids[i] = ids[c];
            scores[i] = scores[c];
            i = c;
        }
        ids[i] = id;
        scores[i] = score;
    }

    /** Writes the kept pairs best-first into the arrays at {@code off}, empties this, returns the count. */
    int drainSorted(int[] outIds, float[] outScores, int off) {
        int n = size;
        for (int last = n - 1; last >= 0; last--) { // pop the worst into the last free slot
            outIds[off + last] = ids[0];
            outScores[off + last] = scores[0];
            int id = ids[last];
            float s = scores[last];
            if (last > 0) siftDown(id, s, last);
        }
        size = 0;
        return n;
    }
}
