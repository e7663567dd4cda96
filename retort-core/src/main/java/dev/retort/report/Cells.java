package dev.retort.report;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** How one value looks in a flat format, the same under every default locale. */
public final class Cells {
    // compiled once: display runs for every cell of a 10,000-row report
    private static final java.util.regex.Pattern ZEROS_END = java.util.regex.Pattern.compile("(\\.\\d*?)0+$");
    private static final java.util.regex.Pattern DOT_END = java.util.regex.Pattern.compile("\\.$");

    /*
     * One Formatter per thread, for Locale.US: String.format makes a new Formatter per call, and for Locale.ROOT
     * it builds DecimalFormatSymbols for every number, which dominated a 10,000-row report. Both locales write
     * '.', '0' and '-' and no grouping here, so the text is the same.
     */
    private static final ThreadLocal<java.util.Formatter> FORMATTER =
            ThreadLocal.withInitial(() -> new java.util.Formatter(new StringBuilder(), Locale.US));

    private static String format(String pattern, double v) {
        java.util.Formatter f = FORMATTER.get();
        StringBuilder sb = (StringBuilder) f.out();
        sb.setLength(0);
        f.format(pattern, v);
        return sb.toString();
    }

    private Cells() {
    }

    /**
     * For people (text table, Markdown): doubles rounded to 6 significant digits (integral ones as
     * {@code 3.0}, very small or large ones as {@code 1.2346e-05}), nested objects as compact JSON, null empty.
     */
    public static String display(Object v) {
        if (v instanceof Marked m) return display(m.value()) + m.mark();
        if (v instanceof MeanStd ms) return meanStd(ms, 4);
        if (v instanceof Double d) {
            double a = Math.abs(d);
            if (d.isNaN() || d.isInfinite()) return d.toString();
            if (d == Math.rint(d) && a < 1e15) return format("%.1f", d);
            if (a != 0 && (a < 1e-3 || a >= 1e6)) return format("%.4e", d);
            String g = format("%.6g", d);
            return DOT_END.matcher(ZEROS_END.matcher(g).replaceAll("$1")).replaceAll("");
        }
        return exact(v);
    }

    /** {@code mean ± std} with {@code decimals} digits after the point; the mean alone for fewer than two values; empty for none. */
    public static String meanStd(MeanStd v, int decimals) {
        if (v.n() == 0) return "";
        String m = fixed(v.mean(), decimals);
        return v.n() < 2 ? m : m + " ± " + fixed(v.std(), decimals);
    }

    /** {@code decimals} digits after the point, in every locale. */
    public static String fixed(double v, int decimals) {
        return format("%." + decimals + "f", v);
    }

    /** For machines (CSV): every digit Java needs to read the double back ({@link Double#toString}). */
    public static String exact(Object v) {
        if (v == null) return "";
        if (v instanceof Marked m) return exact(m.value()) + m.mark();
        if (v instanceof MeanStd ms) return ms.n() < 2 ? exact(ms.mean()) : ms.mean() + " ± " + ms.std();
        if (v instanceof Map<?, ?> || v instanceof Collection<?>) return Json.compact(v);
        return String.valueOf(v);
    }
}
