package dev.retort.rec.split;

import dev.retort.rec.test.TestData;
import org.junit.jupiter.api.Test;

import static dev.retort.rec.split.SplitKindsTest.D;
import static dev.retort.rec.split.SplitKindsTest.one;
import static org.assertj.core.api.Assertions.assertThat;

class TemporalSplitTest {
    @Test
    void per_user_temporal_holdout_takes_the_last_fraction_of_each_history() {
        SplitResult r = one(new UserTemporalHoldout(0.5, 0), D);
        assertThat(TestData.pairs(r.split().train())).containsExactly("u1 a", "u1 b", "u2 d", "u2 c");
        assertThat(TestData.pairs(r.split().test())).containsExactly("u1 c", "u1 d", "u2 b", "u2 a");
    }

    @Test
    void per_user_temporal_holdout_validation_precedes_test_and_unseen_are_counted() {
        // per user: test = last 2, validation = the 1 before; train = u1 a, u2 d
        SplitResult r = one(new UserTemporalHoldout(0.5, 0.25), D);
        assertThat(TestData.pairs(r.split().train())).containsExactly("u1 a", "u2 d");
        assertThat(TestData.pairs(r.split().test())).containsExactly("u1 d", "u2 a");
        assertThat(TestData.pairs(r.split().validation())).isEmpty();
        assertThat(r.report()).isEqualTo(new SplitReport("holdout", 2, 2, 0, 2, 2, 0));
    }

    @Test
    void global_temporal_cuts_at_the_quantile_timestamp() {
        // sorted times 10 15 20 25 30 35 40 45; 25% = 2 rows -> cut at 40
        SplitResult r = one(new GlobalTemporalHoldout(0.25, null, 0), D);
        assertThat(TestData.pairs(r.split().test())).containsExactly("u1 d", "u2 a");
        assertThat(r.report().trainRows()).isEqualTo(6);
    }

    @Test
    void global_temporal_cuts_at_a_given_timestamp_with_validation_before_it() {
        SplitResult at = one(new GlobalTemporalHoldout(null, 35L, 0), D);
        assertThat(TestData.pairs(at.split().test())).containsExactly("u1 d", "u2 b", "u2 a");
        SplitResult v = one(new GlobalTemporalHoldout(0.25, null, 0.25), D);
        assertThat(TestData.pairs(v.split().validation())).containsExactly("u1 c", "u2 b");
        assertThat(TestData.pairs(v.split().train())).containsExactly("u1 a", "u1 b", "u2 d", "u2 c");
    }
}
