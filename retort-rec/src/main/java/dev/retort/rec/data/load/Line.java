package dev.retort.rec.data.load;

import java.nio.charset.StandardCharsets;

/**
 * One line of a delimited file as byte ranges into the scanner's buffer, valid only during the callback.
 * Number parsing works on the bytes directly: no String, no regex in the hot path.
 */
final class Line {
    static final long NOT_A_NUMBER = Long.MIN_VALUE;

    byte[] buf;
    int start;
    int end;
    long number;
    int count;
    int[] from = new int[8];
    int[] to = new int[8];
    boolean[] escaped = new boolean[8];

    int fieldCount() {
        return count;
    }

    long number() {
        return number;
    }

    void addField(int f, int t, boolean esc) {
        if (count == from.length) {
            from = java.util.Arrays.copyOf(from, count * 2);
            to = java.util.Arrays.copyOf(to, count * 2);
            escaped = java.util.Arrays.copyOf(escaped, count * 2);
        }
        from[count] = f;
        to[count] = t;
        escaped[count] = esc;
        count++;
    }

    boolean isEmpty(int f) {
        return from[f] == to[f];
    }

    String text(int f) {
        String s = new String(buf, from[f], to[f] - from[f], StandardCharsets.UTF_8);
        return escaped[f] ? s.replace("\"\"", "\"") : s;
    }

    /** The field as a canonical non-negative integer (no sign, no leading zero), or {@link #NOT_A_NUMBER}. */
    long canonicalId(int f) {
        int s = from[f];
        int e = to[f];
        int len = e - s;
        if (len == 0 || len > 18 || (buf[s] == '0' && len > 1)) return NOT_A_NUMBER;
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) return NOT_A_NUMBER;
            v = v * 10 + d;
        }
        return v;
    }

    /** An integer, optionally signed, optionally followed by {@code .0...}; {@link #NOT_A_NUMBER} otherwise. */
    long integer(int f) {
        int i = from[f];
        int e = to[f];
        boolean neg = i < e && buf[i] == '-';
        if (neg) i++;
        if (i == e || e - i > 18) return NOT_A_NUMBER;
        long v = 0;
        for (; i < e && buf[i] != '.'; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) return NOT_A_NUMBER;
            v = v * 10 + d;
        }
        if (i < e) {
            if (i + 1 == e) return NOT_A_NUMBER;
            for (i++; i < e; i++) if (buf[i] != '0') return NOT_A_NUMBER;
        }
        return neg ? -v : v;
    }

    /** A decimal number as a float, or NaN when the field is not one. */
    float decimal(int f) {
        int i = from[f];
        int e = to[f];
        boolean neg = i < e && buf[i] == '-';
        if (neg) i++;
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean dot = false;
        boolean sawDigit = false;
        for (; i < e; i++) {
            byte b = buf[i];
            if (b == '.' && !dot) {
                dot = true;
            } else if (b >= '0' && b <= '9') {
                sawDigit = true;
                mantissa = mantissa * 10 + (b - '0');
                if (mantissa != 0) digits++;
                if (dot) scale++;
                if (digits > 7 || scale > 7) return slowDecimal(f);
            } else {
                return slowDecimal(f);
            }
        }
        if (!sawDigit) return Float.NaN;
        // at most 7 significant digits: decimal -> double -> float cannot double-round across a float midpoint
        double v = mantissa / POW10[scale];
        return (float) (neg ? -v : v);
    }

    private float slowDecimal(int f) {
        try {
            float v = Float.parseFloat(text(f).trim());
            return Float.isFinite(v) ? v : Float.NaN;
        } catch (NumberFormatException ex) {
            return Float.NaN;
        }
    }

    /** The whole line, control characters escaped, for error messages. */
    String show() {
        String s = new String(buf, start, end - start, StandardCharsets.UTF_8);
        return s.replace("\t", "\\t").replace("\r", "\\r");
    }

    private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7};
}
