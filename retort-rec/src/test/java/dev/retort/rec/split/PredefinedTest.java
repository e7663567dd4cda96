package dev.retort.rec.split;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.test.TestData;
import dev.retort.rec.data.load.DataFormat;
import dev.retort.rec.data.load.TableFormat;
import dev.retort.rec.preprocess.RatingFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PredefinedTest {
    @TempDir
    Path dir;

    private Predefined spec(String train, String test) throws IOException {
        Path a = Files.writeString(dir.resolve("train.tsv"), train);
        Path b = Files.writeString(dir.resolve("test.tsv"), test);
        return new Predefined(a, b, null, TableFormat.of(DataFormat.TSV));
    }

    @Test
    void union_is_the_dataset_and_unseen_test_rows_are_removed_and_counted() throws IOException {
        Predefined p = spec("1\t10\t5\t1\n1\t20\t4\t2\n2\t10\t3\t3\n", "2\t20\t5\t4\n2\t30\t1\t5\n9\t10\t2\t6\n");
        Interactions all = p.union();
        assertThat(all.size()).isEqualTo(6);
        assertThat(all.userIds().original(2)).isEqualTo("9");
        SplitResult r = p.applyReported(all).get(0);
        assertThat(TestData.pairs(r.split().train())).containsExactly("1 10", "1 20", "2 10");
        // (2,30): item 30 has no train row; (9,10): user 9 has none -> both removed by the unseen policy
        assertThat(TestData.pairs(r.split().test())).containsExactly("2 20");
        assertThat(r.report()).isEqualTo(new SplitReport("predefined", 3, 1, 0, 2, 0, 0));
        assertThat(r.split().test().numItems()).isEqualTo(3);
    }

    @Test
    void pairs_removed_by_preprocessing_are_counted_as_not_in_dataset() throws IOException {
        Predefined p = spec("1\t10\t5\t1\n1\t20\t4\t2\n2\t10\t3\t3\n", "2\t20\t5\t4\n2\t30\t1\t5\n9\t10\t2\t6\n");
        Interactions filtered = new RatingFilter(2f, null).apply(p.union(), "x");
        SplitResult r = p.applyReported(filtered).get(0);
        assertThat(r.report()).isEqualTo(new SplitReport("predefined", 3, 1, 0, 1, 0, 1));
    }

    @Test
    void a_pair_in_two_parts_is_rejected() throws IOException {
        Predefined p = spec("1\t10\t5\t1\n", "1\t10\t5\t1\n");
        assertThatThrownBy(() -> p.apply(p.union())).isInstanceOf(PlanException.class)
                .hasMessageContaining("test.tsv").hasMessageContaining("user 1 item 10");
    }
}
