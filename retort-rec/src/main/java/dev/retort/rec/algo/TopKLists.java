package dev.retort.rec.algo;

import dev.retort.BugException;
import dev.retort.store.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Top-k lists for many users, in flat primitive arrays: row {@code r} is user {@link #user(int) user(r)}'s list,
 * best first, of {@link #length(int)} items with their scores. Dense ids; {@link TopKText} writes original ids.
 * Immutable. The binary form ({@link #write}) is the trial's predictions artifact: magic {@code RTKL}, version 1,
 * big-endian {@code int n, int total, int[n] users, int[n] lengths, int[total] items, float[total] scores}.
 */
public final class TopKLists {
    private static final int MAGIC = 0x52544B4C; // "RTKL"
    private static final int VERSION = 1;

    private final int[] users;
    private final int[] offsets;
    private final int[] items;
    private final float[] scores;

    /** Takes ownership of the arrays; {@code offsets} has {@code users.length + 1} ascending entries from 0. */
    public TopKLists(int[] users, int[] offsets, int[] items, float[] scores) {
        if (offsets.length != users.length + 1 || offsets[0] != 0 || offsets[users.length] != items.length
                || scores.length != items.length)
            throw new BugException("inconsistent TopKLists arrays: users " + users.length + ", offsets "
                    + offsets.length + ", items " + items.length + ", scores " + scores.length);
        for (int r = 0; r < users.length; r++)
            if (offsets[r + 1] < offsets[r]) throw new BugException("TopKLists offsets decrease at row " + r);
        this.users = users;
        this.offsets = offsets;
        this.items = items;
        this.scores = scores;
    }

    /** Packs fixed-stride buffers (row r at {@code r * stride}, {@code lengths[r]} used) into lists. */
    static TopKLists compact(int[] users, int[] lengths, int stride, int[] items, float[] scores) {
        int[] off = new int[users.length + 1];
        for (int r = 0; r < users.length; r++) off[r + 1] = off[r] + lengths[r];
        int[] it = new int[off[users.length]];
        float[] sc = new float[it.length];
        for (int r = 0; r < users.length; r++) {
            System.arraycopy(items, r * stride, it, off[r], lengths[r]);
            System.arraycopy(scores, r * stride, sc, off[r], lengths[r]);
        }
        return new TopKLists(users, off, it, sc);
    }

    /** Number of rows (users). */
    public int size() { return users.length; }
    /** The dense user id of row {@code row}. */
    public int user(int row) { return users[row]; }
    /** How many items row {@code row} holds (at most k). */
    public int length(int row) { return offsets[row + 1] - offsets[row]; }
    /** The item at 0-based {@code rank} of row {@code row}. */
    public int item(int row, int rank) { return items[offsets[row] + rank]; }
    /** The score of the item at 0-based {@code rank} of row {@code row}. */
    public float score(int row, int rank) { return scores[offsets[row] + rank]; }
    /** A copy of row {@code row}'s items, best first. */
    public int[] items(int row) { return Arrays.copyOfRange(items, offsets[row], offsets[row + 1]); }
    /** A copy of row {@code row}'s scores, best first. */
    public float[] scores(int row) { return Arrays.copyOfRange(scores, offsets[row], offsets[row + 1]); }
    /** A copy of the users, one per row. */
    public int[] users() { return users.clone(); }

    /** Writes the binary form atomically (see the class comment). */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, this::writeTo);
    }

    /** Writes the binary form to {@code out} (not closed). */
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(users.length);
        d.writeInt(items.length);
        for (int u : users) d.writeInt(u);
        for (int r = 0; r < users.length; r++) d.writeInt(length(r));
        for (int i : items) d.writeInt(i);
        for (float s : scores) d.writeFloat(s);
        d.flush();
    }

    /** Reads a file written by {@link #write}; IOException naming the file if it is not one. */
    public static TopKLists read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return readFrom(in);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the binary form from {@code in} (not closed). */
    public static TopKLists readFrom(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int magic = d.readInt();
        if (magic != MAGIC) throw new IOException("not a top-k lists file (magic " + Integer.toHexString(magic) + ")");
        int version = d.readInt();
        if (version != VERSION) throw new IOException("top-k lists version " + version + "; this reader knows " + VERSION);
        int n = d.readInt(), total = d.readInt();
        if (n < 0 || total < 0) throw new IOException("corrupt top-k lists header: " + n + " rows, " + total + " entries");
        int[] users = new int[n], off = new int[n + 1], items = new int[total];
        float[] scores = new float[total];
        for (int r = 0; r < n; r++) users[r] = d.readInt();
        for (int r = 0; r < n; r++) off[r + 1] = off[r] + d.readInt();
        if (off[n] != total) throw new IOException("corrupt top-k lists: lengths sum to " + off[n] + ", not " + total);
        for (int p = 0; p < total; p++) items[p] = d.readInt();
        for (int p = 0; p < total; p++) scores[p] = d.readFloat();
        return new TopKLists(users, off, items, scores);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopKLists t && Arrays.equals(users, t.users) && Arrays.equals(offsets, t.offsets)
                && Arrays.equals(items, t.items) && Arrays.equals(scores, t.scores);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(users) + Arrays.hashCode(items)) + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "TopKLists[" + users.length + " users, " + items.length + " entries]";
    }
}
