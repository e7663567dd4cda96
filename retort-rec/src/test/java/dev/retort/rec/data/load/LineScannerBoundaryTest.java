package dev.retort.rec.data.load;

import dev.retort.rec.data.Interactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LineScannerBoundaryTest {
    @TempDir
    Path dir;

    @Test
    void lines_and_double_colon_delimiters_straddling_block_boundaries_parse_exactly() throws IOException {
        // ~3 MB, so lines and '::' pairs cross the 1 MiB block boundaries at varying offsets
        StringBuilder sb = new StringBuilder();
        long ratingSum = 0;
        long timeSum = 0;
        int n = 150_000;
        for (int i = 0; i < n; i++) {
            int user = i % 997;
            int item = i;
            int rating = 1 + i % 5;
            long time = 900_000_000L + i;
            sb.append(user).append("::").append(item).append("::").append(rating).append("::").append(time).append('\n');
            ratingSum += rating;
            timeSum += time;
        }
        Path f = dir.resolve("ratings.dat");
        Files.writeString(f, sb);
        Interactions d = Loader.load(f, DataFormat.ML_DAT).data();
        assertThat(d.size()).isEqualTo(n);
        assertThat(d.numUsers()).isEqualTo(997);
        assertThat(d.numItems()).isEqualTo(n);
        long rs = 0;
        long ts = 0;
        for (int i = 0; i < n; i++) {
            rs += (long) d.rating(i);
            ts += d.timestamp(i);
        }
        assertThat(rs).isEqualTo(ratingSum);
        assertThat(ts).isEqualTo(timeSum);
        assertThat(d.itemIds().original(n - 1)).isEqualTo(Integer.toString(n - 1));
    }

    @Test
    void byte_order_mark_and_missing_final_newline_are_handled() throws IOException {
        Path f = dir.resolve("r.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "userId,movieId,rating,timestamp\r\n1,2,3.5,4\r\n5,6,1,7".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(f, all);
        Interactions d = Loader.load(f, DataFormat.ML_CSV).data();
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.ratingsArray()).containsExactly(3.5f, 1f);
        assertThat(d.timestampsArray()).containsExactly(4L, 7L);
    }

    @Test
    void a_line_longer_than_the_block_is_read_whole() throws IOException {
        String longId = "u".repeat(1_500_000);
        Path f = dir.resolve("x.tsv");
        Files.writeString(f, "a\tb\n" + longId + "\tz\n");
        TableFormat fmt = new TableFormat(DataFormat.TSV, "\t", false, false, Column.at(0), Column.at(1), null, null);
        Interactions d = Loader.load(f, fmt).data();
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.userIds().original(1)).hasSize(1_500_000);
    }
}
