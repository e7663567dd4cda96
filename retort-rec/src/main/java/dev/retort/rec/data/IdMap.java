package dev.retort.rec.data;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Dense int ids 0..size-1 for original string ids, assigned in the order they are interned. Canonical
 * datasets ({@link Canonicalizer}) intern them in {@link #ORIGINAL_ORDER}, so a lower dense id means a lower
 * original id.
 */
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

    /**
     * The order of original ids: ids that are plain integers (optional minus, at most 18 digits) numerically
     * and before all others, the others by {@link String#compareTo}; equal numbers with different spellings
     * ({@code 7}, {@code 007}) by string.
     */
    public static final Comparator<String> ORIGINAL_ORDER = (a, b) -> {
        boolean na = integral(a), nb = integral(b);
        if (na && nb) {
            int c = Long.compare(Long.parseLong(a), Long.parseLong(b));
            return c != 0 ? c : a.compareTo(b);
        }
        if (na != nb) return na ? -1 : 1;
        return a.compareTo(b);
    };

    private static boolean integral(String s) {
        int from = s.startsWith("-") ? 1 : 0;
        int len = s.length() - from;
        if (len < 1 || len > 18) return false;
        for (int i = from; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /** For each dense id, its rank in {@link #ORIGINAL_ORDER} among all ids of {@code ids}. */
    static int[] ranks(IdMap ids) {
        Integer[] byOriginal = new Integer[ids.size()];
        for (int i = 0; i < byOriginal.length; i++) byOriginal[i] = i;
        Arrays.sort(byOriginal, (a, b) -> ORIGINAL_ORDER.compare(ids.original(a), ids.original(b)));
        int[] rank = new int[byOriginal.length];
        for (int r = 0; r < byOriginal.length; r++) rank[byOriginal[r]] = r;
        return rank;
    }
}
