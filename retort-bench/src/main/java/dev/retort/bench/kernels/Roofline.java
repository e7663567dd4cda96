package dev.retort.bench.kernels;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Roofline kernels (issue 12): peak double and float FMA throughput over an L1-resident array (each op is one
 * call; GFLOP/s = ops/s x {@link #FMAS} x 2), and a stream triad {@code a[i] = b[i] + s*c[i]} over arrays far
 * larger than L3 (GB/s = ops/s x {@link #TRIAD_N} x 24 bytes).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class Roofline {
    /** Elements of the L1 array (2 KB of doubles). */
    static final int L1_N = 256;
    /** FMA passes over the L1 array per op. */
    static final int REPS = 256;
    /** FMAs per op of the FMA kernels. */
    public static final long FMAS = (long) L1_N * REPS;
    /** Elements of each triad array: 8 M doubles = 64 MB. */
    public static final int TRIAD_N = 8 << 20;

    @State(Scope.Thread)
    public static class L1 {
        double[] d = new double[L1_N];
        float[] f = new float[L1_N];
        double[] dx = new double[L1_N];
        float[] fx = new float[L1_N];

        @Setup
        public void setup() {
            for (int i = 0; i < L1_N; i++) {
                dx[i] = 1.0 + i * 1e-9;
                fx[i] = 1.0f + i * 1e-7f;
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Big {
        double[] a = new double[TRIAD_N], b = new double[TRIAD_N], c = new double[TRIAD_N];

        @Setup
        public void setup() {
            for (int i = 0; i < TRIAD_N; i++) {
                b[i] = i;
                c[i] = 2.0 * i;
            }
        }
    }

    /** acc[i] = fma(acc[i], x[i], 1e-9): L1_N independent chains, vectorised by C2 over i. */
    static double fmaDouble(double[] acc, double[] x) {
        for (int r = 0; r < REPS; r++)
            for (int i = 0; i < L1_N; i++) acc[i] = Math.fma(acc[i], x[i], 1e-9);
        return acc[0];
    }

    static float fmaFloat(float[] acc, float[] x) {
        for (int r = 0; r < REPS; r++)
            for (int i = 0; i < L1_N; i++) acc[i] = Math.fma(acc[i], x[i], 1e-7f);
        return acc[0];
    }

    @Benchmark
    @Threads(1)
    public double fma_double_1t(L1 s) {
        return fmaDouble(s.d, s.dx);
    }

    @Benchmark
    @Threads(2)
    public double fma_double_2t(L1 s) {
        return fmaDouble(s.d, s.dx);
    }

    @Benchmark
    @Threads(1)
    public float fma_float_1t(L1 s) {
        return fmaFloat(s.f, s.fx);
    }

    @Benchmark
    @Threads(2)
    public float fma_float_2t(L1 s) {
        return fmaFloat(s.f, s.fx);
    }

    @Benchmark
    @Threads(1)
    public double triad(Big s) {
        double[] a = s.a, b = s.b, c = s.c;
        double k = 3.0;
        for (int i = 0; i < TRIAD_N; i++) a[i] = b[i] + k * c[i];
        return a[TRIAD_N - 1];
    }
}
