package dev.retort.report.significance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Holm–Bonferroni on hand-worked examples, and the markers it leads to. */
class HolmTest {
    @Test
    void adjusts_four_p_values_as_worked_by_hand() {
        // sorted: 0.01 (x4 = 0.04), 0.02 (x3 = 0.06), 0.03 (x2 = 0.06, already 0.06), 0.04 (x1 = 0.04 -> running max 0.06)
        double[] adj = Holm.adjust(new double[]{0.03, 0.01, 0.04, 0.02});
        assertThat(adj[1]).isCloseTo(0.04, within(1e-15));
        assertThat(adj[3]).isCloseTo(0.06, within(1e-15));
        assertThat(adj[0]).isCloseTo(0.06, within(1e-15));
        assertThat(adj[2]).isCloseTo(0.06, within(1e-15));
        // at alpha 0.05 Holm rejects only the smallest; Bonferroni (x4) would too, unadjusted would reject all four
        assertThat(Markers.of(adj[1])).isEqualTo("†");
        assertThat(Markers.of(adj[3])).isEmpty();
    }

    @Test
    void caps_at_one_keeps_order_and_leaves_nan_out_of_the_count() {
        // m = 3 (NaN does not count): 0.001 x3 = 0.003, 0.2 x2 = 0.4, 0.6 x1 = 0.6
        double[] adj = Holm.adjust(new double[]{0.6, Double.NaN, 0.001, 0.2});
        assertThat(adj[2]).isCloseTo(0.003, within(1e-15));
        assertThat(adj[3]).isCloseTo(0.4, within(1e-15));
        assertThat(adj[0]).isCloseTo(0.6, within(1e-15));
        assertThat(adj[1]).isNaN();
        assertThat(Markers.of(adj[2])).isEqualTo("‡");
        double[] big = Holm.adjust(new double[]{0.5, 0.7});
        assertThat(big).containsExactly(1.0, 1.0);
    }

    @Test
    void every_difference_zero_is_p_one_and_no_effect() {
        double[] v = {0.1, 0.2, 0.3};
        for (PairedTest t : PairedTest.values()) {
            PairedResult r = t.test(v, v.clone());
            assertThat(r.p()).isEqualTo(1.0);
            assertThat(r.effect()).isZero();
        }
    }
}
