package dev.retort.rec.algo;

import dev.retort.store.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code k} most similar rows for every row of a binary matrix (items for ItemKNN, users for UserKNN):
 * row a's neighbours are {@code ids[ptr[a] .. ptr[a+1])}, similarity descending then id ascending, with
 * positive similarities only and a itself excluded.
 */
final class Neighbours {
    final int[] ptr;
    final int[] ids;
    final float[] sims;

    Neighbours(int[] ptr, int[] ids, float[] sims) {
        this.ptr = ptr;
        this.ids = ids;
        this.sims = sims;
    }

    /**
     * Neighbours of each of the {@code n} rows described by {@code (ptrA, adjA)} (row -> its columns), using
     * the transposed matrix {@code (ptrB, adjB)} (column -> its rows) to count overlaps: one sparse-sparse
     * product row per row, in parallel over fixed chunks of rows.
     */
    static Neighbours compute(int n, int[] ptrA, int[] adjA, int[] ptrB, int[] adjB, int k,
                              Similarity sim, double alpha, double shrink, int threads) {
        int kk = Math.min(k, Math.max(0, n - 1));
        int[] ids = new int[n * kk];
        float[] sims = new float[n * kk];
        int[] lengths = new int[n];
        Parallel.forChunks(n, 32, threads, (from, to) -> {
            int[] co = new int[n];
            TopK top = new TopK(kk);
            for (int a = from; a < to; a++) {
                for (int p = ptrA[a]; p < ptrA[a + 1]; p++) {
                    int mid = adjA[p];
                    for (int q = ptrB[mid]; q < ptrB[mid + 1]; q++) co[adjB[q]]++;
                }
                co[a] = 0;
                top.reset(kk);
                int sizeA = ptrA[a + 1] - ptrA[a];
                for (int b = 0; b < n; b++) {
                    int c = co[b];
                    if (c == 0) continue;
                    co[b] = 0;
                    float s = (float) sim.of(c, sizeA, ptrA[b + 1] - ptrA[b], alpha, shrink);
                    if (s > 0) top.offer(b, s);
                }
                lengths[a] = top.drainSorted(ids, sims, a * kk);
            }
        });
        int[] ptr = new int[n + 1];
        for (int a = 0; a < n; a++) ptr[a + 1] = ptr[a] + lengths[a];
        int[] outIds = new int[ptr[n]];
        float[] outSims = new float[ptr[n]];
        for (int a = 0; a < n; a++) {
            System.arraycopy(ids, a * kk, outIds, ptr[a], lengths[a]);
            System.arraycopy(sims, a * kk, outSims, ptr[a], lengths[a]);
        }
        return new Neighbours(ptr, outIds, outSims);
    }

    void save(Path file, int magic) throws IOException {
        AtomicFiles.write(file, out -> {
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(magic);
            d.writeInt(ptr.length - 1);
            d.writeInt(ids.length);
            for (int p : ptr) d.writeInt(p);
            for (int i : ids) d.writeInt(i);
            for (float s : sims) d.writeFloat(s);
            d.flush();
        });
    }

    static Neighbours load(Path file, int magic) throws IOException {
        try (DataInputStream d = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (d.readInt() != magic) throw new IOException(file + ": not a neighbour model of this algorithm");
            int n = d.readInt(), total = d.readInt();
            int[] ptr = new int[n + 1], ids = new int[total];
            float[] sims = new float[total];
            for (int a = 0; a <= n; a++) ptr[a] = d.readInt();
            for (int p = 0; p < total; p++) ids[p] = d.readInt();
            for (int p = 0; p < total; p++) sims[p] = d.readFloat();
            return new Neighbours(ptr, ids, sims);
        }
    }
}
