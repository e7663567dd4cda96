package dev.retort.rec.algo;

import dev.retort.rec.data.IdMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopKListsTest {
    private static final TopKLists LISTS = new TopKLists(new int[]{1, 0, 2}, new int[]{0, 2, 2, 3},
            new int[]{2, 0, 1}, new float[]{0.75f, 0.5f, 3f});

    private static IdMap ids(String... names) {
        IdMap m = new IdMap();
        for (String n : names) m.intern(n);
        return m;
    }

    @Test
    void binary_form_round_trips_including_empty_lists(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pred.bin");
        LISTS.write(file);
        TopKLists back = TopKLists.read(file);
        assertThat(back).isEqualTo(LISTS);
        assertThat(back.length(1)).isZero();
        assertThat(back.items(0)).containsExactly(2, 0);
        assertThat(Files.size(file)).isEqualTo(16 + 3 * 4 + 3 * 4 + 3 * 4 + 3 * 4);
    }

    @Test
    void reading_something_else_fails_with_a_clear_message(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.bin");
        Files.writeString(file, "user\titem\n");
        assertThatThrownBy(() -> TopKLists.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a top-k lists file");
    }

    @Test
    void tsv_uses_original_ids_and_one_based_ranks(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pred.tsv");
        TopKText.writeTsv(LISTS, ids("alice", "bob", "carol"), ids("x", "y", "z"), file);
        assertThat(Files.readString(file)).isEqualTo("user\titem\tscore\trank\nbob\tz\t0.75\t1\nbob\tx\t0.5\t2\ncarol\ty\t3.0\t1\n");
    }

    @Test
    void trec_run_has_six_columns_per_line(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run.trec");
        TopKText.writeTrec(LISTS, ids("alice", "bob", "carol"), ids("x", "y", "z"), "retort", file);
        assertThat(Files.readString(file)).as("rank-based scores, n + 1 - rank").isEqualTo("bob Q0 z 1 2 retort\nbob Q0 x 2 1 retort\ncarol Q0 y 1 1 retort\n");
    }
}
