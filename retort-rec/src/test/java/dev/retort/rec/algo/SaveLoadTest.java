package dev.retort.rec.algo;

import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Synthetic;
import dev.retort.rec.data.SyntheticSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SaveLoadTest {
    private static final Interactions DATA = Synthetic.generate(new SyntheticSpec(100, 60, 2000, 8, false, false));
    private static final int[] USERS = java.util.stream.IntStream.range(0, 100).toArray();

    @Test
    void saved_models_recommend_the_same_after_loading(@TempDir Path dir) throws IOException {
        ItemKnn item = new ItemKnn(10, Similarity.COSINE, 0.5, 0, 2);
        item.fit(DATA);
        item.save(dir.resolve("item"));
        ItemKnn item2 = new ItemKnn(10, Similarity.COSINE, 0.5, 0, 2);
        item2.load(dir.resolve("item"), DATA);
        assertThat(item2.recommend(USERS, 10)).isEqualTo(item.recommend(USERS, 10));

        UserKnn user = new UserKnn(10, Similarity.JACCARD, 0.5, 0, 2);
        user.fit(DATA);
        user.save(dir.resolve("user"));
        UserKnn user2 = new UserKnn(10, Similarity.JACCARD, 0.5, 0, 2);
        user2.load(dir.resolve("user"), DATA);
        assertThat(user2.recommend(USERS, 10)).isEqualTo(user.recommend(USERS, 10));

        Ease ease = new Ease(20, 2);
        ease.fit(DATA);
        ease.save(dir.resolve("ease"));
        Ease ease2 = new Ease(20, 2);
        ease2.load(dir.resolve("ease"), DATA);
        assertThat(ease2.recommend(USERS, 10)).isEqualTo(ease.recommend(USERS, 10));

        Als als = new Als(8, 0.1, 1, 3, 5, Als.Solver.CG, 3, false, 2);
        als.fit(DATA);
        als.save(dir.resolve("als"));
        Als als2 = new Als(8, 0.1, 1, 3, 5, Als.Solver.CG, 3, false, 2);
        als2.load(dir.resolve("als"), DATA);
        assertThat(als2.recommend(USERS, 10)).isEqualTo(als.recommend(USERS, 10));
    }
}
