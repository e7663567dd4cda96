package dev.retort.rec.data;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.ArrayList;
import java.util.List;

/** Dense int ids 0..size-1 for original string ids, in order of first appearance. */
public final class IdMap {
    private final Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>();
    private final List<String> originals = new ArrayList<>();

    public IdMap() {
        index.defaultReturnValue(-1);
    }

    /** The dense id of {@code original}, assigning the next one if it is new. */
    public int intern(String original) {
        int id = index.getInt(original);
        if (id >= 0) return id;
        id = originals.size();
        index.put(original, id);
        originals.add(original);
        return id;
    }

    /** The dense id, or -1 when unknown. */
    public int idOf(String original) {
        return index.getInt(original);
    }

    public String original(int id) {
        return originals.get(id);
    }

    public int size() {
        return originals.size();
    }
}
