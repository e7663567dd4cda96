package dev.retort.rec.experiment;

import dev.retort.plan.PlanParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a recommender plan loads its datasets; the load lines are notices for the caller, never printed. */
class PlanNoticesTest {
    @TempDir
    Path dir;

    @Test
    void reading_a_plan_hands_the_dataset_load_line_to_the_caller_and_prints_nothing() {
        String plan = """
                experiment: quiet
                datasets:
                  - name: q1
                    source: {synthetic: {users: 40, items: 30, interactions: 500, seed: 11}}
                    split: {leave_one_out: {by: random, seed: 1}}
                algorithms: {MostPopular: {}}
                """;
        DatasetCache.clear(); // as in a fresh process
        PrintStream oldErr = System.err, oldOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PlanParser.Read read;
        try {
            PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
            System.setErr(capture);
            System.setOut(capture);
            read = new PlanParser(getClass().getClassLoader()).read(plan, "quiet.yaml", dir);
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(read.notices()).hasSize(1);
        assertThat(read.notices().get(0)).startsWith("dataset q1: ").contains("rows read", "items left");
        assertThat(new PlanParser(getClass().getClassLoader()).read(plan, "quiet.yaml", dir).notices())
                .as("a dataset this process has loaded already is not loaded again").isEmpty();
    }
}
