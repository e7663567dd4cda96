package dev.retort.rec.data.load;

import dev.retort.rec.data.IdMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Interns ids into an {@link IdMap}; canonical integer ids go through a primitive map first, so the hot
 * path of a numeric file creates a String only once per distinct id.
 */
final class IdInterner {
    private final IdMap ids = new IdMap();
    private final Long2IntOpenHashMap numeric = new Long2IntOpenHashMap();
    /** Direct table for small ids (dense id + 1, 0 = unseen): ids in real files are mostly small. */
    private int[] small = new int[1024];
    private static final int SMALL_LIMIT = 1 << 24;

    IdInterner() {
        numeric.defaultReturnValue(-1);
    }

    /** Interns field {@code f}; returns -1 if {@code numericOnly} and the field is not a plain integer. */
    int intern(Line line, int f, boolean numericOnly) {
        long v = line.canonicalId(f);
        if (v >= 0 && v < SMALL_LIMIT) {
            int k = (int) v;
            if (k >= small.length) small = java.util.Arrays.copyOf(small, Math.max(k + 1, Math.min(SMALL_LIMIT, small.length * 2)));
            int id = small[k] - 1;
            if (id < 0) {
                id = ids.intern(Long.toString(v));
                small[k] = id + 1;
            }
            return id;
        }
        if (v != Line.NOT_A_NUMBER) {
            int id = numeric.get(v);
            if (id < 0) {
                id = ids.intern(Long.toString(v));
                numeric.put(v, id);
            }
            return id;
        }
        if (numericOnly || line.isEmpty(f)) return -1;
        return ids.intern(line.text(f));
    }

    IdMap ids() {
        return ids;
    }
}
