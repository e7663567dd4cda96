package dev.retort.rec.split;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.test.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SplitKindsTest {
    // u2 sees the items in the opposite time order of u1, so temporal cuts keep every item in train
    static final Interactions D = TestData.of(
            "u1 a 1 10", "u1 b 2 20", "u1 c 3 30", "u1 d 4 40",
            "u2 d 5 15", "u2 c 4 25", "u2 b 3 35", "u2 a 2 45");

    static SplitResult one(SplitSpec spec, Interactions data) {
        List<SplitResult> r = spec.applyReported(data);
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    @Test
    void leave_one_out_by_time_holds_out_each_users_latest_row_and_drops_unseen_items() {
        Interactions d = TestData.of("u1 a 5 10", "u1 b 4 30", "u1 c 3 20", "u2 a 2 5", "u2 b 1 15", "u2 d 5 25", "u3 a 3 1");
        SplitResult r = one(new LeaveOneOut(LeaveOneOut.Order.TIME, false, 0), d);
        assertThat(TestData.pairs(r.split().train())).containsExactly("u1 a", "u1 c", "u2 a", "u2 b", "u3 a");
        // u2's latest is d, which no train row has: removed by the unseen policy
        assertThat(TestData.pairs(r.split().test())).containsExactly("u1 b");
        assertThat(r.report()).isEqualTo(new SplitReport("leave-one-out", 5, 1, 0, 1, 0, 0));
        assertThat(r.split().validation()).isNull();
    }

    @Test
    void leave_one_out_breaks_timestamp_ties_by_file_order() {
        Interactions d = TestData.of("u1 a 1 7", "u1 b 1 7", "u2 a 1 1", "u2 b 1 2", "u3 b 1 0", "u3 c 1 9");
        SplitResult r = one(new LeaveOneOut(null, false, 0), d);
        assertThat(TestData.pairs(r.split().test())).containsExactly("u1 b", "u2 b");
    }

    @Test
    void leave_one_out_with_validation_takes_the_row_before_the_latest() {
        SplitResult r = one(new LeaveOneOut(LeaveOneOut.Order.TIME, true, 0), D);
        assertThat(TestData.pairs(r.split().test())).containsExactly("u1 d", "u2 a");
        assertThat(TestData.pairs(r.split().validation())).containsExactly("u1 c", "u2 b");
        assertThat(TestData.pairs(r.split().train())).containsExactly("u1 a", "u1 b", "u2 d", "u2 c");
    }

    @Test
    void leave_one_out_random_without_timestamps_is_seeded() {
        Interactions d = TestData.of("u1 a", "u1 b", "u1 c", "u2 a", "u2 b", "u2 c", "u3 a");
        SplitResult r1 = one(new LeaveOneOut(null, false, 5), d);
        SplitResult r2 = one(new LeaveOneOut(LeaveOneOut.Order.RANDOM, false, 5), d);
        assertThat(TestData.pairs(r1.split().test())).isEqualTo(TestData.pairs(r2.split().test()));
        assertThat(r1.report().testRows() + r1.report().unseenTestDropped()).isEqualTo(2);
        assertThat(r1.report().trainRows()).isEqualTo(5);
        assertThatThrownBy(() -> new LeaveOneOut(LeaveOneOut.Order.TIME, false, 0).apply(d))
                .isInstanceOf(PlanException.class).hasMessageContaining("needs timestamps");
    }

    @Test
    void random_holdout_takes_the_rounded_fraction_and_is_seeded() {
        Interactions grid = grid(10, 10);
        SplitResult a = one(new RandomHoldout(0.2, 0.1, 3), grid);
        SplitResult b = one(new RandomHoldout(0.2, 0.1, 3), grid);
        SplitResult c = one(new RandomHoldout(0.2, 0.1, 4), grid);
        assertThat(a.report().trainRows()).isEqualTo(70);
        assertThat(a.report().testRows() + a.report().unseenTestDropped()).isEqualTo(20);
        assertThat(a.report().validationRows() + a.report().unseenValidationDropped()).isEqualTo(10);
        assertThat(TestData.pairs(a.split().test())).isEqualTo(TestData.pairs(b.split().test()));
        assertThat(TestData.pairs(a.split().test())).isNotEqualTo(TestData.pairs(c.split().test()));
    }

    @Test
    void per_user_holdout_takes_the_fraction_of_every_user_and_keeps_one_train_row() {
        Interactions d = TestData.of("u1 a", "u1 b", "u1 c", "u1 d", "u2 a", "u2 b", "u2 c", "u2 d", "u3 a");
        SplitResult r = one(new UserHoldout(0.5, 0, 9), d);
        // u1, u2: round(0.5 * 4) = 2 test rows each; u3's single row stays in train
        assertThat(TestData.pairs(r.split().train())).contains("u3 a").filteredOn(p -> p.startsWith("u1")).hasSize(2);
        assertThat(TestData.pairs(r.split().train())).filteredOn(p -> p.startsWith("u2")).hasSize(2);
        assertThat(r.report().trainRows()).isEqualTo(5);
        assertThat(r.report().testRows() + r.report().unseenTestDropped()).isEqualTo(4);
    }

    @Test
    void all_parts_share_the_dataset_id_space() {
        Interactions grid = grid(6, 5);
        for (SplitSpec spec : List.of(new RandomHoldout(0.3, 0.1, 1), new UserHoldout(0.3, 0.2, 1), new KFold(3, true, 0.1, 1),
                new LeaveOneOut(null, true, 1))) {
            for (Split s : spec.apply(grid)) {
                assertThat(s.validation()).isNotNull();
                for (Interactions part : new Interactions[]{s.train(), s.test(), s.validation()}) {
                    assertThat(part.userIds()).isSameAs(grid.userIds());
                    assertThat(part.itemIds()).isSameAs(grid.itemIds());
                    assertThat(part.numUsers()).isEqualTo(6);
                    assertThat(part.numItems()).isEqualTo(5);
                }
            }
        }
    }

    @Test
    void bad_fractions_and_folds_are_rejected() {
        assertThatThrownBy(() -> new RandomHoldout(1.0, 0, 1)).isInstanceOf(PlanException.class)
                .hasMessageContaining("holdout.fraction: 1.0 is outside (0, 1)");
        assertThatThrownBy(() -> new UserHoldout(0.0, 0, 1)).isInstanceOf(PlanException.class);
        assertThatThrownBy(() -> new RandomHoldout(0.6, 0.4, 1)).isInstanceOf(PlanException.class)
                .hasMessageContaining("leaves no training data");
        assertThatThrownBy(() -> new KFold(1, false, 0, 1)).isInstanceOf(PlanException.class)
                .hasMessageContaining("kfold.folds: 1 is too few folds; allowed: integer >= 2");
        assertThatThrownBy(() -> new GlobalTemporalHoldout(0.2, 5L, 0)).isInstanceOf(PlanException.class);
    }

    static Interactions grid(int users, int items) {
        String[] rows = new String[users * items];
        for (int u = 0; u < users; u++) for (int i = 0; i < items; i++) rows[u * items + i] = "u" + u + " i" + i;
        return TestData.of(rows);
    }
}
