package dev.retort.rec.algo;

import dev.retort.rec.test.TestData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MostPopularTest {
    @Test
    void ranks_by_distinct_users_then_item_id_and_skips_the_users_own_items() {
        // counts: i0 = 1, i1 = 3 (u1 twice counts once), i2 = 2, i3 = 2, i4 = 0
        var data = TestData.of(4, 5, new int[][]{{0, 1}, {1, 1}, {1, 1}, {2, 1}, {0, 2}, {3, 2}, {1, 3}, {2, 3}, {3, 0}});
        MostPopular mp = new MostPopular(1);
        mp.fit(data);
        TopKLists lists = mp.recommend(new int[]{3, 0}, 10);
        assertThat(lists.items(0)).containsExactly(1, 3, 4); // u3 has i0 and i2
        assertThat(lists.scores(0)).containsExactly(3f, 2f, 0f);
        assertThat(lists.items(1)).containsExactly(3, 0, 4); // u0 has i1, i2; i3 (2) before i0 (1) before i4 (0)
    }

    @Test
    void a_user_unknown_to_training_gets_the_plain_popularity_list() {
        var data = TestData.of(3, 3, new int[][]{{0, 2}, {1, 2}, {0, 1}});
        MostPopular mp = new MostPopular(1);
        mp.fit(data);
        assertThat(mp.recommend(new int[]{2, 7}, 2).items(1)).containsExactly(2, 1);
    }
}
