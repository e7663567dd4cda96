package dev.retort.rec.algo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopKTest {
    @Test
    void keeps_the_best_by_score_then_lower_id_whatever_the_offer_order() {
        TopK top = new TopK(3);
        int[] ids = {9, 4, 7, 1, 3, 8};
        float[] scores = {0.5f, 0.9f, 0.5f, 0.1f, 0.5f, 0.2f};
        for (int p = 0; p < ids.length; p++) top.offer(ids[p], scores[p]);
        int[] outIds = new int[3];
        float[] outScores = new float[3];
        assertThat(top.drainSorted(outIds, outScores, 0)).isEqualTo(3);
        assertThat(outIds).containsExactly(4, 3, 7); // 0.9, then the 0.5 tie in id order: 3, 7 (9 is dropped)
        assertThat(outScores).containsExactly(0.9f, 0.5f, 0.5f);
    }

    @Test
    void returns_fewer_when_fewer_are_offered() {
        TopK top = new TopK(5);
        top.offer(2, 1f);
        top.offer(1, 1f);
        int[] outIds = new int[5];
        float[] outScores = new float[5];
        assertThat(top.drainSorted(outIds, outScores, 0)).isEqualTo(2);
        assertThat(outIds[0]).isEqualTo(1);
        assertThat(outIds[1]).isEqualTo(2);
    }
}
