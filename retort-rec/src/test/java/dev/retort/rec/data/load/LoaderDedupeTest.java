package dev.retort.rec.data.load;

import dev.retort.rec.data.Interactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Canonicalisation as every loader applies it. */
class LoaderDedupeTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void duplicates_keep_latest_timestamp_then_last_in_file() throws IOException {
        // (1,10): ts 5 then ts 3 -> keep ts 5 row (rating 1). (1,20): ts 7 twice -> keep the later line (rating 4).
        Path f = write("u.data", "1\t10\t1\t5\n1\t20\t2\t7\n1\t10\t3\t3\n2\t30\t5\t1\n1\t20\t4\t7\n");
        Loader.Loaded l = Loader.load(f, DataFormat.ML_100K);
        assertThat(l.rowsRead()).isEqualTo(5);
        assertThat(l.duplicatesDropped()).isEqualTo(2);
        Interactions d = l.data();
        assertThat(d.ratingsArray()).containsExactly(1f, 4f, 5f);
        assertThat(d.timestampsArray()).containsExactly(5L, 7L, 1L);
        assertThat(d.itemIds().original(d.item(1))).isEqualTo("20");
    }

    @Test
    void duplicates_without_timestamps_keep_the_last_in_file_and_ids_follow_the_original_ids() throws IOException {
        // z appears before y's kept row, yet y < z: dense ids follow the original ids, not the file
        Path f = write("x.tsv", "a\ty\t1\nb\tz\t2\na\ty\t3\n");
        TableFormat fmt = new TableFormat(DataFormat.TSV, "\t", false, false, Column.at(0), Column.at(1), Column.at(2), null);
        Loader.Loaded l = Loader.load(f, fmt);
        Interactions d = l.data();
        assertThat(l.duplicatesDropped()).isEqualTo(1);
        assertThat(d.ratingsArray()).containsExactly(3f, 2f);
        assertThat(d.itemIds().original(0)).isEqualTo("y");
        assertThat(d.itemIds().original(1)).isEqualTo("z");
        assertThat(d.userIds().original(0)).isEqualTo("a");
    }
}
