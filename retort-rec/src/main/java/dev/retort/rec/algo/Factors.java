package dev.retort.rec.algo;

import dev.retort.store.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** User and item factor matrices (row-major, {@code f} columns) shared by ALS and BPR, with their maths. */
final class Factors {
    private static final int MAGIC = 0x52464143; // "RFAC"
    private static final int GRAM_PARTS = 8; // fixed, so the summation order never depends on threads

    final int f;
    final int numUsers;
    final int numItems;
    final double[] x;
    final double[] y;
    /** Y transposed, in floats: factor a of item j at {@code a * numItems + j}, for vectorised scoring. */
    private final float[] yt;

    Factors(int f, int numUsers, int numItems, double[] x, double[] y) {
        this.f = f;
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.x = x;
        this.y = y;
        yt = new float[f * numItems];
        for (int j = 0; j < numItems; j++) for (int a = 0; a < f; a++) yt[a * numItems + j] = (float) y[j * f + a];
    }

    static double[] gaussian(int n, double sd, SplittableRandom rnd) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            double u1 = 1.0 - rnd.nextDouble(), u2 = rnd.nextDouble();
            a[i] = sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
        return a;
    }

    /** {@code M'M} (f x f, full) for the n x f row-major {@code m}. */
    static double[] gram(double[] m, int n, int f, int threads) {
        double[][] parts = new double[GRAM_PARTS][];
        int per = (n + GRAM_PARTS - 1) / GRAM_PARTS;
        Parallel.forChunks(GRAM_PARTS, 1, threads, (from, to) -> {
            double[] g = new double[f * f];
            for (int r = from * per; r < Math.min(n, (from + 1) * per); r++) {
                int o = r * f;
                for (int a = 0; a < f; a++) {
                    double va = m[o + a];
                    int ga = a * f;
                    for (int b = a; b < f; b++) g[ga + b] += va * m[o + b];
                }
            }
            parts[from] = g;
        });
        double[] g = new double[f * f];
        for (double[] p : parts) for (int i = 0; i < g.length; i++) g[i] += p[i];
        for (int a = 0; a < f; a++) for (int b = 0; b < a; b++) g[a * f + b] = g[b * f + a];
        return g;
    }

    /** {@code s[j] = x_u . y_j} in float arithmetic for every item; zeros for a user without factors. */
    void scores(int u, float[] s) {
        if (u >= numUsers) return;
        int o = u * f, n = numItems;
        for (int a = 0; a < f; a++) {
            float xa = (float) x[o + a];
            int ya = a * n;
            for (int j = 0; j < n; j++) s[j] += xa * yt[ya + j];
        }
    }

    double dot(int u, int i) {
        return AlsRowSolver.dot(x, u * f, y, i * f, f);
    }

    /** {@code sum over all (u,i) of c_ui (p_ui - x_u.y_i)^2}, using the gram trick for unobserved pairs. */
    double squaredLoss(UserItemMatrix m, double alpha) {
        double[] g = gram(y, numItems, f, 1);
        double total = 0;
        for (int u = 0; u < numUsers; u++) {
            int o = u * f;
            for (int a = 0; a < f; a++) {
                double row = 0;
                for (int b = 0; b < f; b++) row += g[a * f + b] * x[o + b];
                total += x[o + a] * row;
            }
            for (int p = m.rowPtr[u]; p < m.rowPtr[u + 1]; p++) {
                double s = dot(u, m.rowItems[p]), c = 1 + alpha * m.rowValues[p];
                total += c * (1 - s) * (1 - s) - s * s;
            }
        }
        return total;
    }

    double norm2Users() { return norm2(x); }
    double norm2Items() { return norm2(y); }

    private static double norm2(double[] a) {
        double s = 0;
        for (double v : a) s += v * v;
        return s;
    }

    void save(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(MAGIC);
            d.writeInt(f);
            d.writeInt(numUsers);
            d.writeInt(numItems);
            for (double v : x) d.writeDouble(v);
            for (double v : y) d.writeDouble(v);
            d.flush();
        });
    }

    static Factors load(Path file, int numUsers, int numItems) throws IOException {
        try (DataInputStream d = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (d.readInt() != MAGIC) throw new IOException(file + ": not a factor model");
            int f = d.readInt(), nu = d.readInt(), ni = d.readInt();
            if (nu != numUsers || ni != numItems)
                throw new IOException(file + ": model is " + nu + " x " + ni + ", data " + numUsers + " x " + numItems);
            double[] x = new double[nu * f], y = new double[ni * f];
            for (int i = 0; i < x.length; i++) x[i] = d.readDouble();
            for (int i = 0; i < y.length; i++) y[i] = d.readDouble();
            return new Factors(f, nu, ni, x, y);
        }
    }
}
