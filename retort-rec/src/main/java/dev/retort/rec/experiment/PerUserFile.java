package dev.retort.rec.experiment;

import dev.retort.PlanException;
import dev.retort.rec.metric.MetricSpec;
import dev.retort.rec.metric.PerUserValues;
import dev.retort.store.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code per_user.bin}: every per-user metric of one evaluation, one row per evaluated user, written
 * atomically beside {@code metrics.json} so significance tests over users need no re-evaluation.
 * Layout (big-endian, {@link DataOutputStream}): the magic {@code RPU1}; {@code int} m, then m metric names
 * ({@code writeUTF}); {@code int} n, then n user ids ({@code int}, the dataset's dense user index, ascending,
 * the same for every algorithm on that dataset); then n × m {@code double}s, row by row.
 */
final class PerUserFile {
    static final String NAME = "per_user.bin";
    private static final int MAGIC = 0x52505531; // "RPU1"

    /** The users and one column of values. */
    record Column(int[] users, double[] values) {
    }

    private PerUserFile() {
    }

    static void write(Path file, PerUserValues v) throws IOException {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeInt(MAGIC);
            out.writeInt(v.columns().size());
            for (MetricSpec m : v.columns()) out.writeUTF(m.toString());
            out.writeInt(v.users().length);
            for (int u : v.users()) out.writeInt(u);
            for (double x : v.values()) out.writeDouble(x);
            out.flush();
        });
    }

    /** The values of {@code metric}; a missing, damaged or metric-less file is a {@link PlanException} naming it. */
    static Column read(Path file, String metric) throws IOException {
        if (!Files.exists(file)) throw new PlanException(file + " does not exist");
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) throw new PlanException(file + " is not a per-user values file (no RPU1 magic)");
            int m = in.readInt();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < m; i++) names.add(in.readUTF());
            int col = names.indexOf(metric);
            if (col < 0) throw new PlanException(file + " has no per-user values of " + metric + "; it has " + names);
            int n = in.readInt();
            int[] users = new int[n];
            for (int i = 0; i < n; i++) users[i] = in.readInt();
            double[] values = new double[n];
            for (int i = 0; i < n; i++)
                for (int c = 0; c < m; c++) {
                    double x = in.readDouble();
                    if (c == col) values[i] = x;
                }
            return new Column(users, values);
        } catch (EOFException e) {
            throw new PlanException(file + " is truncated");
        }
    }
}
