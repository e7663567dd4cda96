package dev.retort.objective;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations as people write and read them. {@link #parse}: {@code 90s}, {@code 10m}, {@code 2h}, {@code 1h30m},
 * {@code 500ms}, {@code 1d}; a bare number is seconds. {@link #human}: {@code 500ms}, {@code 10s}, {@code 1.5s},
 * {@code 2m30s}, {@code 1h5m}. Durations longer than {@link #MAX} (10 years) are refused, so that no timeout,
 * lease or wall time can overflow when turned into nanoseconds or added to a clock's instant.
 */
public final class Durations {
    /** The longest duration {@link #parse} accepts. */
    public static final Duration MAX = Duration.ofDays(3650);
    /** {@link #MAX} as a plan would write it. */
    public static final String MAX_TEXT = "3650d (10 years)";

    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not a duration
     * @throws ArithmeticException when it is longer than {@link #MAX}
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (t.isEmpty()) throw new IllegalArgumentException("empty duration");
        if (t.matches("\\d+(\\.\\d+)?")) return bounded(Double.parseDouble(t) * 1000, text);
        java.util.regex.Matcher m = PART.matcher(t);
        int pos = 0;
        double millis = 0;
        while (m.find() && m.start() == pos) {
            double v = Double.parseDouble(m.group(1));
            millis += v * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 86_400_000;
            };
            pos = m.end();
        }
        if (pos != t.length()) throw new IllegalArgumentException("not a duration: " + text);
        return bounded(millis, text);
    }

    private static Duration bounded(double millis, String text) {
        if (!(millis <= MAX.toMillis())) throw new ArithmeticException(text + " is longer than " + MAX_TEXT);
        return Duration.ofMillis(Math.round(millis));
    }

    public static String human(Duration d) {
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
