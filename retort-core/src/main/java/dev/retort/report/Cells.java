package dev.retort.report;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** How one value looks in a flat format, the same under every default locale. */
public final class Cells {
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
            if (d == Math.rint(d) && a < 1e15) return String.format(Locale.ROOT, "%.1f", d);
            if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%.4e", d);
            return String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
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
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
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
