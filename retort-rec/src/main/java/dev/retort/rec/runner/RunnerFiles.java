package dev.retort.rec.runner;

import dev.retort.rec.algo.TopKLists;
import dev.retort.rec.data.Interactions;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The data files of runner protocol 1: train TSV, users list, predictions TSV (docs/runner-protocol.md). */
public final class RunnerFiles {
    private RunnerFiles() {}

    /** Writes {@code user\titem\trating} lines with dense ids. */
    public static void writeTrain(Interactions train, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            StringBuilder sb = new StringBuilder(32);
            for (int i = 0; i < train.size(); i++) {
                sb.setLength(0);
                float r = train.rating(i);
                sb.append(train.user(i)).append('\t').append(train.item(i)).append('\t');
                if (r == (int) r) sb.append((int) r); else sb.append(r);
                sb.append('\n');
                out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** Writes one user id per line. */
    public static void writeUsers(int[] users, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int u : users) out.write((u + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * Reads a predictions file ({@code user\titem\tscore} lines, lists one after the other) into lists, one row
     * per run of equal user ids. Hand-written parsing: no split, no regex.
     *
     * @throws RunnerException naming the file and line when a line is not three numbers
     */
    public static TopKLists readPredictions(Path file) throws IOException {
        IntArrayList users = new IntArrayList(), offsets = new IntArrayList(), items = new IntArrayList();
        FloatArrayList scores = new FloatArrayList();
        offsets.add(0);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] line = new byte[256];
            int len, lineNo = 0;
            while ((len = readLine(in, line)) >= 0) {
                lineNo++;
                if (len == 0) continue;
                int t1 = indexOf(line, 0, len), t2 = t1 < 0 ? -1 : indexOf(line, t1 + 1, len);
                if (t2 < 0) throw bad(file, lineNo, line, len);
                int u, i;
                float s;
                try {
                    u = parseInt(line, 0, t1);
                    i = parseInt(line, t1 + 1, t2);
                    s = Float.parseFloat(new String(line, t2 + 1, len - t2 - 1, StandardCharsets.US_ASCII));
                } catch (NumberFormatException e) {
                    throw bad(file, lineNo, line, len);
                }
                if (users.isEmpty() || users.getInt(users.size() - 1) != u) {
                    if (!users.isEmpty()) offsets.add(items.size());
                    users.add(u);
                }
                items.add(i);
                scores.add(s);
            }
        }
        if (!users.isEmpty()) offsets.add(items.size());
        return new TopKLists(users.toIntArray(), offsets.toIntArray(), items.toIntArray(), scores.toFloatArray());
    }

    private static int readLine(InputStream in, byte[] buf) throws IOException {
        int n = 0, c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (n < buf.length) buf[n] = (byte) c;
            n++;
        }
        if (c < 0 && n == 0) return -1;
        return Math.min(n, buf.length);
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] == '\t') return i;
        return -1;
    }

    private static int parseInt(byte[] b, int from, int to) {
        if (from >= to) throw new NumberFormatException();
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) throw new NumberFormatException();
            v = v * 10 + d;
        }
        return v;
    }

    private static RunnerException bad(Path file, int lineNo, byte[] line, int len) {
        return new RunnerException(file + ":" + lineNo + ": '" + new String(line, 0, Math.min(len, 80),
                StandardCharsets.US_ASCII) + "' is not a prediction; allowed: user<TAB>item<TAB>score");
    }
}
