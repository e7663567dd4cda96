package dev.retort.rec.algo;

import dev.retort.BugException;
import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Synthetic;
import dev.retort.rec.data.SyntheticSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rung continuing the lower rung's saved model gives exactly the model of a fresh fit at its own epochs. */
class ContinuationTest {
    private static final Interactions DATA = Synthetic.generate(new SyntheticSpec(300, 120, 6000, 8, false, false));
    private static final int[] USERS = IntStream.range(0, 300).toArray();

    @Test
    void bpr_continued_from_3_to_9_epochs_saves_the_same_bytes_and_lists_as_a_fresh_9_epoch_fit(@TempDir Path dir) throws Exception {
        Bpr three = new Bpr(16, 0.05, 0.01, 3, 7, 2);
        three.fit(DATA);
        three.save(dir.resolve("three"));

        Bpr continued = new Bpr(16, 0.05, 0.01, 9, 7, 2);
        continued.fitContinuing(DATA, dir.resolve("three"), 3);
        continued.save(dir.resolve("continued"));
        assertThat(continued.epochLosses()).as("only the 6 remaining epochs ran").hasSize(6);

        Bpr fresh = new Bpr(16, 0.05, 0.01, 9, 7, 2);
        fresh.fit(DATA);
        fresh.save(dir.resolve("fresh"));
        assertThat(Files.readAllBytes(dir.resolve("continued"))).isEqualTo(Files.readAllBytes(dir.resolve("fresh")));
        assertThat(continued.recommend(USERS, 10)).isEqualTo(fresh.recommend(USERS, 10));
        assertThat(fresh.recommend(USERS, 10)).as("9 epochs train past 3").isNotEqualTo(three.recommend(USERS, 10));
    }

    @Test
    void bpr_refuses_to_continue_a_model_with_more_epochs_than_its_own(@TempDir Path dir) throws Exception {
        Bpr nine = new Bpr(8, 0.05, 0.01, 9, 1, 1);
        nine.fit(DATA);
        nine.save(dir.resolve("nine"));
        assertThatThrownBy(() -> new Bpr(8, 0.05, 0.01, 3, 1, 1).fitContinuing(DATA, dir.resolve("nine"), 9))
                .isInstanceOf(BugException.class).hasMessageContaining("epoch 9 of 3");
    }
}
