package dev.retort.objective;

import java.time.Duration;
import java.util.Locale;

/** Renders durations for messages: {@code 500ms}, {@code 10s}, {@code 1.5s}, {@code 2m30s}, {@code 1h5m}. */
final class Durations {
    private Durations() {
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + "ms";
        if (ms < 60_000) {
            return ms % 1000 == 0 ? (ms / 1000) + "s" : stripZeros(String.format(Locale.ROOT, "%.3f", ms / 1000.0)) + "s";
        }
        long s = d.toSeconds();
        long h = s / 3600, m = (s % 3600) / 60, sec = s % 60;
        StringBuilder sb = new StringBuilder();
        if (h > 0) sb.append(h).append('h');
        if (m > 0) sb.append(m).append('m');
        if (sec > 0 && h == 0) sb.append(sec).append('s');
        return sb.toString();
    }

    private static String stripZeros(String decimal) {
        String t = decimal.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
