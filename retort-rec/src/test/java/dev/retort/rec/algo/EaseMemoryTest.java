package dev.retort.rec.algo;

import dev.retort.PlanException;
import dev.retort.rec.data.Synthetic;
import dev.retort.rec.data.SyntheticSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EaseMemoryTest {
    @Test
    void ease_refuses_items_whose_matrices_exceed_the_free_heap_naming_items_bytes_and_heap() {
        // 27,278 items (the ML-20M shape): two 27,278^2 double matrices are 11.9 GB; an 8 GB heap cannot hold them
        assertThatThrownBy(() -> Ease.checkMemory(27_278, 7_500_000_000L, 8_000_000_000L))
                .isInstanceOf(PlanException.class)
                .hasMessage("algorithms.EASE: items: 27278 needs 11.9 GB of heap for its two 27278 x 27278 double matrices,"
                        + " but 7.5 GB of the 8.0 GB maximum heap is free; allowed: fewer items (preprocess: [{core: N}]"
                        + " drops rare ones) or a larger heap (RETORT_JAVA_OPTS=-Xmx...)");
    }

    @Test
    void ease_fits_when_its_matrices_fit_and_the_check_uses_the_peak_of_two_double_matrices() {
        assertThat(Ease.peakBytes(3706)).isEqualTo(2L * 8 * 3706 * 3706);
        assertThatCode(() -> Ease.checkMemory(3706, Ease.peakBytes(3706), Ease.peakBytes(3706))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Ease.checkMemory(3706, Ease.peakBytes(3706) - 1, Ease.peakBytes(3706))).isInstanceOf(PlanException.class);
        Ease ease = new Ease(20, 2);
        ease.fit(Synthetic.generate(new SyntheticSpec(100, 60, 2000, 8, false, false)));
        assertThat(ease.recommend(new int[]{0, 1}, 5).size()).isEqualTo(2);
    }
}
