package dev.retort.rec.split;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.test.TestData;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KFoldTest {
    private static final Interactions GRID = SplitKindsTest.grid(10, 10);

    @Test
    void random_folds_are_disjoint_and_their_union_is_every_row() {
        checkPartition(new KFold(5, false, 0, 11).applyReported(GRID), 5);
    }

    @Test
    void per_user_folds_are_disjoint_cover_every_row_and_give_each_user_two_rows_per_fold() {
        List<SplitResult> folds = new KFold(5, true, 0, 11).applyReported(GRID);
        checkPartition(folds, 5);
        for (SplitResult f : folds) {
            // 10 rows per user dealt round-robin into 5 folds: exactly 2 per user per fold
            for (int u = 0; u < 10; u++) {
                String user = "u" + u + " ";
                long inTest = TestData.pairs(f.split().test()).stream().filter(p -> p.startsWith(user)).count();
                assertThat(inTest).isEqualTo(2);
            }
        }
    }

    @Test
    void fold_names_and_seeds_are_deterministic() {
        List<Split> a = new KFold(3, false, 0, 2).apply(GRID);
        List<Split> b = new KFold(3, false, 0, 2).apply(GRID);
        assertThat(a).extracting(Split::name).containsExactly("fold-1-of-3", "fold-2-of-3", "fold-3-of-3");
        for (int i = 0; i < 3; i++) assertThat(TestData.pairs(a.get(i).test())).isEqualTo(TestData.pairs(b.get(i).test()));
    }

    @Test
    void validation_is_carved_from_train_of_each_fold() {
        for (SplitResult f : new KFold(5, false, 0.1, 3).applyReported(GRID)) {
            assertThat(f.report().validationRows() + f.report().unseenValidationDropped()).isEqualTo(10);
            assertThat(f.report().trainRows()).isEqualTo(70);
            Set<String> train = new HashSet<>(TestData.pairs(f.split().train()));
            assertThat(TestData.pairs(f.split().validation())).noneMatch(train::contains);
        }
    }

    @Test
    void per_user_folds_reject_a_user_with_fewer_rows_than_folds() {
        Interactions d = TestData.of("u1 a", "u1 b", "u1 c", "u7 a", "u7 b");
        assertThatThrownBy(() -> new KFold(3, true, 0, 1).apply(d)).isInstanceOf(PlanException.class)
                .hasMessageContaining("kfold.folds: 3 exceeds the 2 interactions of user 'u7'");
    }

    private static void checkPartition(List<SplitResult> folds, int k) {
        assertThat(folds).hasSize(k);
        Set<String> union = new HashSet<>();
        int total = 0;
        for (SplitResult f : folds) {
            assertThat(f.report().unseenTestDropped()).isZero(); // a dense grid keeps everything seen
            List<String> test = TestData.pairs(f.split().test());
            total += test.size();
            union.addAll(test);
            Set<String> train = new HashSet<>(TestData.pairs(f.split().train()));
            assertThat(test).noneMatch(train::contains);
            assertThat(train.size() + test.size()).isEqualTo(GRID.size());
        }
        assertThat(total).isEqualTo(GRID.size());
        assertThat(union).hasSize(GRID.size());
    }
}
