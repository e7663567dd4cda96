package dev.retort.report;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The reused Locale.US formatter of {@link Cells} writes exactly what String.format with Locale.ROOT wrote. */
class CellsFormatTest {
    /** Cells.display as it was before the formatter was reused. */
    static String before(double d) {
        double a = Math.abs(d);
        if (Double.isNaN(d) || Double.isInfinite(d)) return Double.toString(d);
        if (d == Math.rint(d) && a < 1e15) return String.format(Locale.ROOT, "%.1f", d);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%.4e", d);
        return String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    @Test
    void display_and_fixed_are_unchanged_on_200000_doubles_of_every_magnitude_under_a_german_default_locale() {
        Locale old = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            SplittableRandom r = new SplittableRandom(42);
            for (int i = 0; i < 200_000; i++) {
                double d = (r.nextBoolean() ? 1 : -1) * r.nextDouble() * Math.pow(10, r.nextInt(-8, 17));
                if (i % 7 == 0) d = Math.rint(d * 1000) / 1000; // short decimals and ties like 0.1234565
                assertThat(Cells.display(d)).as("display %s", d).isEqualTo(before(d));
                int p = i % 13;
                assertThat(Cells.fixed(d, p)).as("fixed %s %d", d, p).isEqualTo(String.format(Locale.ROOT, "%." + p + "f", d));
            }
            for (double d : new double[]{0, -0.0, 0.1234565, 999999.5, 0.00099999995, 1e15, 2.5, 1234567.891})
                assertThat(Cells.display(d)).isEqualTo(before(d));
        } finally {
            Locale.setDefault(old);
        }
    }
}
