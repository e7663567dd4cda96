package dev.retort.plan;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Human durations: {@code 90s}, {@code 10m}, {@code 2h}, {@code 1h30m}, {@code 500ms}, {@code 1d}; a bare number is seconds. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Durations() {
    }

    public static Duration parse(String text) {
        String t = text.strip().toLowerCase().replace(" ", "");
        if (t.isEmpty()) throw new IllegalArgumentException("empty duration");
        if (t.matches("\\d+(\\.\\d+)?")) return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        Matcher m = PART.matcher(t);
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
        return Duration.ofMillis(Math.round(millis));
    }

    /** {@code 1h 2m 3s}-style text for people. */
    public static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 1) return d.toMillis() + "ms";
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + (s % 60 == 0 ? "" : " " + s % 60 + "s");
        return (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : " " + (s % 3600) / 60 + "m");
    }
}
