package dev.retort.rec.algo;

import dev.retort.rec.data.Interactions;

import java.util.Arrays;

/**
 * Training interactions as a sparse user x item matrix, held both by rows (CSR: each user's items, ascending)
 * and by columns (CSC: each item's users, ascending). Duplicate (user, item) pairs collapse into one entry
 * whose value is the largest rating among them (1 without ratings).
 */
final class UserItemMatrix {
    final int numUsers;
    final int numItems;
    /** User u's items are {@code rowItems[rowPtr[u] .. rowPtr[u+1])}, ascending; values alongside. */
    final int[] rowPtr;
    final int[] rowItems;
    final float[] rowValues;
    /** Item i's users are {@code colUsers[colPtr[i] .. colPtr[i+1])}, ascending; values alongside. */
    final int[] colPtr;
    final int[] colUsers;
    final float[] colValues;

    private UserItemMatrix(int numUsers, int numItems, int[] rowPtr, int[] rowItems, float[] rowValues) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.rowPtr = rowPtr;
        this.rowItems = rowItems;
        this.rowValues = rowValues;
        int nnz = rowItems.length;
        colPtr = new int[numItems + 1];
        for (int p = 0; p < nnz; p++) colPtr[rowItems[p] + 1]++;
        for (int i = 0; i < numItems; i++) colPtr[i + 1] += colPtr[i];
        colUsers = new int[nnz];
        colValues = new float[nnz];
        int[] fill = Arrays.copyOf(colPtr, numItems);
        for (int u = 0; u < numUsers; u++) // users visited ascending, so each column comes out sorted
            for (int p = rowPtr[u]; p < rowPtr[u + 1]; p++) {
                int q = fill[rowItems[p]]++;
                colUsers[q] = u;
                colValues[q] = rowValues[p];
            }
    }

    static UserItemMatrix of(Interactions data) {
        int nu = data.numUsers(), ni = data.numItems(), n = data.size();
        int[] us = data.usersArray(), is = data.itemsArray();
        int[] ptr = new int[nu + 1];
        for (int e = 0; e < n; e++) ptr[us[e] + 1]++;
        for (int u = 0; u < nu; u++) ptr[u + 1] += ptr[u];
        long[] packed = new long[n]; // item << 32 | event index, sorted per row: item order, then first event
        int[] fill = Arrays.copyOf(ptr, nu);
        for (int e = 0; e < n; e++) packed[fill[us[e]]++] = ((long) is[e] << 32) | e;
        int[] newPtr = new int[nu + 1];
        int[] items = new int[n];
        float[] values = new float[n];
        int out = 0;
        for (int u = 0; u < nu; u++) {
            Arrays.sort(packed, ptr[u], ptr[u + 1]);
            int last = -1;
            for (int p = ptr[u]; p < ptr[u + 1]; p++) {
                int item = (int) (packed[p] >>> 32);
                float v = data.rating((int) packed[p]);
                if (item == last) {
                    values[out - 1] = Math.max(values[out - 1], v);
                } else {
                    items[out] = item;
                    values[out++] = v;
                    last = item;
                }
            }
            newPtr[u + 1] = out;
        }
        return new UserItemMatrix(nu, ni, newPtr, Arrays.copyOf(items, out), Arrays.copyOf(values, out));
    }

    int nnz() {
        return rowItems.length;
    }

    int userCount(int u) {
        return u < numUsers ? rowPtr[u + 1] - rowPtr[u] : 0;
    }

    int itemCount(int i) {
        return colPtr[i + 1] - colPtr[i];
    }
}
