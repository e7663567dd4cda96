package dev.retort.rec.data;

import dev.retort.rec.test.TestData;
import dev.retort.rec.split.Split;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {
    @Test
    void same_rows_in_another_order_and_id_assignment_hash_the_same() {
        Interactions a = TestData.of("u1 i1 5 100", "u2 i2 3 200", "u1 i3 4 300");
        Interactions b = TestData.of("u1 i3 4 300", "u2 i2 3 200", "u1 i1 5 100");
        assertThat(ContentHash.of(a)).isEqualTo(ContentHash.of(b)).hasSize(64);
    }

    @Test
    void duplicate_pairs_in_another_order_hash_the_same() {
        Interactions a = TestData.of("u1 i1 5 100", "u1 i1 3 50", "u1 i1 3 20", "u0 i1 1 1");
        Interactions b = TestData.of("u1 i1 3 20", "u0 i1 1 1", "u1 i1 5 100", "u1 i1 3 50");
        assertThat(ContentHash.of(a)).isEqualTo(ContentHash.of(b));
    }

    @Test
    void one_changed_rating_or_timestamp_changes_the_hash() {
        Interactions a = TestData.of("u1 i1 5 100", "u2 i2 3 200");
        assertThat(ContentHash.of(a)).isNotEqualTo(ContentHash.of(TestData.of("u1 i1 5 100", "u2 i2 2 200")));
        assertThat(ContentHash.of(a)).isNotEqualTo(ContentHash.of(TestData.of("u1 i1 5 100", "u2 i2 3 201")));
    }

    @Test
    void same_counts_but_different_ids_hash_differently() {
        assertThat(ContentHash.of(TestData.of("a x", "b y"))).isNotEqualTo(ContentHash.of(TestData.of("a y", "b x")));
    }

    @Test
    void hash_is_sha256_of_the_documented_canonical_bytes() throws Exception {
        // one implicit, untimed row ("ab", "c"): header line, then len-prefixed UTF-8 ids
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update("retort.interactions.v1 ratings=false timestamps=false\n".getBytes(StandardCharsets.UTF_8));
        md.update(new byte[]{0, 0, 0, 2, 'a', 'b', 0, 0, 0, 1, 'c'});
        assertThat(ContentHash.of(TestData.of("ab c"))).isEqualTo(HexFormat.of().formatHex(md.digest()));
    }

    @Test
    void split_hash_depends_on_name_and_parts() {
        Interactions a = TestData.of("u1 i1", "u2 i2");
        Interactions b = TestData.of("u1 i1");
        String h = ContentHash.splitHash(new Split("s", a, b, null));
        assertThat(h).isEqualTo(ContentHash.splitHash(new Split("s", a, b, null)));
        assertThat(h).isNotEqualTo(ContentHash.splitHash(new Split("t", a, b, null)));
        assertThat(h).isNotEqualTo(ContentHash.splitHash(new Split("s", b, a, null)));
        assertThat(h).isNotEqualTo(ContentHash.splitHash(new Split("s", a, b, b)));
    }

    @Test
    void a_million_rows_hash_well_under_a_second_or_so() {
        int n = 1_000_000;
        int[] users = new int[n];
        int[] items = new int[n];
        float[] ratings = new float[n];
        long[] times = new long[n];
        IdMap u = new IdMap();
        IdMap it = new IdMap();
        for (int i = 0; i < 6040; i++) u.intern(Integer.toString(i));
        for (int i = 0; i < 3706; i++) it.intern(Integer.toString(i));
        SeededRandom r = new SeededRandom(1);
        for (int i = 0; i < n; i++) {
            users[i] = r.nextInt(6040);
            items[i] = r.nextInt(3706);
            ratings[i] = 1 + r.nextInt(5);
            times[i] = 1_000_000_000L + i;
        }
        Interactions d = new Interactions(users, items, ratings, times, u, it);
        ContentHash.of(d); // warm-up
        long t = System.nanoTime();
        ContentHash.of(d);
        // generous bound: the machine is shared; locally this takes a few hundred milliseconds
        assertThat((System.nanoTime() - t) / 1e9).isLessThan(3.0);
    }
}
