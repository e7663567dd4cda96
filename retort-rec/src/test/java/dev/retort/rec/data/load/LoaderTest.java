package dev.retort.rec.data.load;

import dev.retort.PlanException;
import dev.retort.rec.data.Interactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void movie_lens100k_assigns_dense_ids_in_the_order_of_the_original_ids() throws IOException {
        Path f = write("u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n196\t377\t1\t878887116\n");
        Loader.Loaded loaded = Loader.load(f, DataFormat.ML_100K);
        Interactions d = loaded.data();
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.numUsers()).isEqualTo(2);
        assertThat(d.numItems()).isEqualTo(3);
        // users 186 < 196, items 242 < 302 < 377; rows sorted by (user, item)
        assertThat(d.usersArray()).containsExactly(0, 1, 1);
        assertThat(d.itemsArray()).containsExactly(1, 0, 2);
        assertThat(d.userIds().original(0)).isEqualTo("186");
        assertThat(d.itemIds().original(2)).isEqualTo("377");
        assertThat(d.ratingsArray()).containsExactly(3f, 3f, 1f);
        assertThat(d.timestampsArray()).containsExactly(891717742L, 881250949L, 878887116L);
        assertThat(loaded.rowsRead()).isEqualTo(3);
        assertThat(loaded.duplicatesDropped()).isZero();
    }

    @Test
    void movie_lens_dat_splits_on_double_colon() throws IOException {
        Path f = write("ratings.dat", "1::1193::5::978300760\r\n1::661::3::978302109\r\n");
        Interactions d = Loader.load(f, DataFormat.ML_DAT).data();
        assertThat(d.itemIds().original(0)).isEqualTo("661"); // numeric order: 661 < 1193
        assertThat(d.ratingsArray()).containsExactly(3f, 5f);
        assertThat(d.timestampsArray()).containsExactly(978302109L, 978300760L);
    }

    @Test
    void movie_lens_csv_reads_header_and_half_star_ratings() throws IOException {
        Path f = write("ratings.csv", "userId,movieId,rating,timestamp\n1,296,5.0,1147880044\n1,306,3.5,1147868817\n2,296,0.5,1147868828\n");
        Interactions d = Loader.load(f, DataFormat.ML_CSV).data();
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.ratingsArray()).containsExactly(5f, 3.5f, 0.5f);
        assertThat(d.usersArray()).containsExactly(0, 0, 1);
        assertThat(d.itemsArray()).containsExactly(0, 1, 0);
    }

    @Test
    void generic_csv_maps_columns_by_name_and_handles_quoted_fields() throws IOException {
        Path f = write("x.csv", "when,who,what,stars\n100,\"Smith, J\",\"The \"\"Movie\"\"\",4\n50,ann,b,2\n");
        TableFormat fmt = new TableFormat(DataFormat.CSV, ",", true, true, Column.named("who"), Column.named("what"),
                Column.named("stars"), Column.named("when"));
        Interactions d = Loader.load(f, fmt).data();
        assertThat(d.userIds().original(0)).isEqualTo("Smith, J");
        assertThat(d.itemIds().original(0)).isEqualTo("The \"Movie\"");
        assertThat(d.ratingsArray()).containsExactly(4f, 2f);
        assertThat(d.timestampsArray()).containsExactly(100L, 50L);
    }

    @Test
    void generic_tsv_without_rating_or_timestamp_is_implicit() throws IOException {
        Path f = write("x.tsv", "a\tx\nb\tx\na\ty\n");
        TableFormat fmt = new TableFormat(DataFormat.TSV, "\t", false, false, Column.at(0), Column.at(1), null, null);
        Interactions d = Loader.load(f, fmt).data();
        assertThat(d.hasRatings()).isFalse();
        assertThat(d.hasTimestamps()).isFalse();
        assertThat(d.numUsers()).isEqualTo(2);
        assertThat(d.numItems()).isEqualTo(2);
    }

    @Test
    void rec_bole_inter_header_types_are_stripped_and_float_timestamps_accepted() throws IOException {
        Path f = write("ml.inter", "user_id:token\titem_id:token\trating:float\ttimestamp:float\n196\t242\t3\t881250949.0\nu7\ti9\t4.5\t5\n");
        Interactions d = Loader.load(f, DataFormat.RECBOLE).data();
        assertThat(d.userIds().original(1)).isEqualTo("u7");
        assertThat(d.ratingsArray()).containsExactly(3f, 4.5f);
        assertThat(d.timestampsArray()).containsExactly(881250949L, 5L);
    }

    @Test
    void rec_bole_without_rating_column_loads_as_implicit() throws IOException {
        Path f = write("a.inter", "user_id:token\titem_id:token\n1\t2\n");
        Interactions d = Loader.load(f, DataFormat.RECBOLE).data();
        assertThat(d.hasRatings()).isFalse();
        assertThat(d.size()).isEqualTo(1);
    }

    @Test
    void malformed_item_id_names_file_line_text_and_expectation() throws IOException {
        Path f = write("u.data", "17\t3\t4\t881250949\n17\tx3\t4\t881250949\n");
        assertThatThrownBy(() -> Loader.load(f, DataFormat.ML_100K))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("u.data:2: '17\\tx3\\t4\\t881250949'")
                .hasMessageContaining("item column #1 is 'x3', expected an integer id");
    }

    @Test
    void too_few_fields_names_the_count_and_delimiter() throws IOException {
        Path f = write("ratings.dat", "1::2::3::4\n\n1::2::3\n");
        assertThatThrownBy(() -> Loader.load(f, DataFormat.ML_DAT))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("ratings.dat:3:")
                .hasMessageContaining("has 3 fields; expected at least 4");
    }

    @Test
    void a_three_column_file_under_a_four_column_default_gets_an_error_suggesting_columns() throws IOException {
        Path f = write("u.data", "1\t10\t4\n2\t20\t5\n");
        assertThatThrownBy(() -> Loader.load(f, DataFormat.ML_100K))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("u.data:1:")
                .hasMessageContaining("has 3 fields; expected at least 4")
                .hasMessageContaining("columns: {user: 0, item: 1, rating: 2}");
        TableFormat suggested = new TableFormat(DataFormat.ML_100K, "\t", false, false, Column.at(0), Column.at(1), Column.at(2), null);
        assertThat(Loader.load(f, suggested).data().size()).isEqualTo(2);
    }

    @Test
    void bad_rating_and_bad_timestamp_are_reported() throws IOException {
        Path r = write("r.data", "1\t2\tgood\t5\n");
        assertThatThrownBy(() -> Loader.load(r, DataFormat.ML_100K)).hasMessageContaining("r.data:1:")
                .hasMessageContaining("rating column #2 is 'good', expected a number");
        Path t = write("t.data", "1\t2\t3\t5.5\n");
        assertThatThrownBy(() -> Loader.load(t, DataFormat.ML_100K))
                .hasMessageContaining("timestamp column #3 is '5.5', expected integer epoch seconds");
    }

    @Test
    void missing_header_column_lists_the_header() throws IOException {
        Path f = write("r.csv", "user,movieId,rating,timestamp\n1,2,3,4\n");
        assertThatThrownBy(() -> Loader.load(f, DataFormat.ML_CSV)).isInstanceOf(PlanException.class)
                .hasMessageContaining("r.csv:1: 'userId' is not a column of the header; allowed: user, movieId, rating, timestamp");
    }

    @Test
    void missing_file_is_a_plan_error() {
        assertThatThrownBy(() -> Loader.load(dir.resolve("nope.data"), DataFormat.ML_100K))
                .isInstanceOf(PlanException.class).hasMessageContaining("nope.data: data file does not exist");
    }
}
