package dev.retort.rec.data;

import dev.retort.BugException;
import dev.retort.rec.split.Split;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * SHA-256 fingerprints of data content, independent of file order and of dense id assignment: rows are
 * hashed as (original user id, original item id[, rating][, timestamp]) sorted by user id, item id (string
 * order), rating, timestamp. Whether ratings and timestamps are present is part of the hash. Lower-case hex.
 */
public final class ContentHash {
    private static final HexFormat HEX = HexFormat.of();

    private ContentHash() {
    }

    /** The content hash of {@code data}. */
    public static String of(Interactions data) {
        MessageDigest md = sha256();
        md.update(("retort.interactions.v1 ratings=" + data.hasRatings() + " timestamps=" + data.hasTimestamps() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[][] users = utf8(data.userIds());
        byte[][] items = utf8(data.itemIds());
        long[] sorted = sortedRows(data, ranks(data.userIds()), ranks(data.itemIds()));
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        for (long k : sorted) {
            int i = (int) k;
            byte[] u = users[data.user(i)];
            byte[] it = items[data.item(i)];
            if (buf.remaining() < u.length + it.length + 24) flush(md, buf);
            if (buf.remaining() < u.length + it.length + 24) buf = grow(md, buf, u.length + it.length + 24);
            buf.putInt(u.length).put(u).putInt(it.length).put(it);
            if (data.hasRatings()) buf.putInt(Float.floatToIntBits(data.rating(i) + 0.0f));
            if (data.hasTimestamps()) buf.putLong(data.timestamp(i));
        }
        flush(md, buf);
        return HEX.formatHex(md.digest());
    }

    /** A hash of a split: its name and the content hashes of train, test and validation (or "none"). */
    public static String splitHash(Split split) {
        String text = "retort.split.v1\n" + split.name() + "\ntrain " + of(split.train()) + "\ntest " + of(split.test())
                + "\nvalidation " + (split.validation() == null ? "none" : of(split.validation())) + "\n";
        return HEX.formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Row indices (low 32 bits) in canonical order: bucketed by user rank, then a primitive sort on
     * (item rank, row) per bucket; only duplicate (user, item) runs need the rating/timestamp tie-break.
     */
    private static long[] sortedRows(Interactions data, int[] userRank, int[] itemRank) {
        int n = data.size();
        int[] start = new int[userRank.length + 1];
        for (int i = 0; i < n; i++) start[userRank[data.user(i)] + 1]++;
        for (int r = 0; r < userRank.length; r++) start[r + 1] += start[r];
        int[] fill = Arrays.copyOf(start, userRank.length);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[fill[userRank[data.user(i)]]++] = ((long) itemRank[data.item(i)] << 32) | i;
        for (int r = 0; r < userRank.length; r++) {
            Arrays.sort(keys, start[r], start[r + 1]);
            for (int a = start[r]; a < start[r + 1]; ) {
                int b = a + 1;
                while (b < start[r + 1] && (keys[b] >>> 32) == (keys[a] >>> 32)) b++;
                if (b - a > 1) sortRun(data, keys, a, b);
                a = b;
            }
        }
        return keys;
    }

    private static void sortRun(Interactions data, long[] keys, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long k = keys[i];
            int j = i - 1;
            while (j >= from && after(data, (int) keys[j], (int) k)) {
                keys[j + 1] = keys[j];
                j--;
            }
            keys[j + 1] = k;
        }
    }

    private static boolean after(Interactions data, int a, int b) {
        int c = Float.compare(data.rating(a), data.rating(b));
        return c != 0 ? c > 0 : data.timestamp(a) > data.timestamp(b);
    }

    private static int[] ranks(IdMap ids) {
        Integer[] byName = new Integer[ids.size()];
        for (int i = 0; i < byName.length; i++) byName[i] = i;
        Arrays.sort(byName, (a, b) -> ids.original(a).compareTo(ids.original(b)));
        int[] rank = new int[ids.size()];
        for (int r = 0; r < byName.length; r++) rank[byName[r]] = r;
        return rank;
    }

    private static byte[][] utf8(IdMap ids) {
        byte[][] out = new byte[ids.size()][];
        for (int i = 0; i < out.length; i++) out[i] = ids.original(i).getBytes(StandardCharsets.UTF_8);
        return out;
    }

    private static void flush(MessageDigest md, ByteBuffer buf) {
        md.update(buf.array(), 0, buf.position());
        buf.clear();
    }

    private static ByteBuffer grow(MessageDigest md, ByteBuffer buf, int need) {
        flush(md, buf);
        return ByteBuffer.allocate(need);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new BugException("every Java platform must provide SHA-256", e);
        }
    }
}
