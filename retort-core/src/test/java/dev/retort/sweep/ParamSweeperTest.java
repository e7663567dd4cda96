package dev.retort.sweep;

import dev.retort.space.Config;
import dev.retort.space.Space;
import dev.retort.store.Counts;
import dev.retort.store.TrialState;
import dev.retort.test.JavaProcesses;
import dev.retort.test.SweeperMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamSweeperTest {
    @TempDir
    Path dir;

    static Space small() {
        return Space.builder().factor("a", 1, 2, 3).factor("b", "x", "y").build();
    }

    @Test
    void next_hands_out_each_combination_once_in_grid_order_then_nothing() {
        try (ParamSweeper s = ParamSweeper.open(dir, "sw", small())) {
            List<Config> got = new ArrayList<>();
            for (Optional<Config> c = s.next(); c.isPresent(); c = s.next()) got.add(c.get());
            assertThat(got).hasSize(6).doesNotHaveDuplicates();
            assertThat(got.get(0)).isEqualTo(Config.of("a", 1, "b", "x"));
            assertThat(s.running()).containsExactlyElementsOf(got);
            assertThat(s.remaining()).isEmpty();
            assertThat(s.next()).isEmpty();
        }
    }

    @Test
    void done_skip_and_cancel_move_combinations_to_the_right_lists() {
        try (ParamSweeper s = ParamSweeper.open(dir, "sw", small())) {
            Config c1 = s.next().orElseThrow(), c2 = s.next().orElseThrow(), c3 = s.next().orElseThrow();
            s.done(c1);
            s.skip(c2);
            s.cancel(c3);
            assertThat(s.done()).containsExactly(c1);
            assertThat(s.skipped()).containsExactly(c2);
            assertThat(s.running()).isEmpty();
            assertThat(s.remaining()).contains(c3).doesNotContain(c1, c2).hasSize(4);
            // cancelled: handed out again at once (lowest id first); skipped: not again in this run
            assertThat(s.next()).contains(c3);
            Counts st = s.stats();
            assertThat(st.get(TrialState.DONE)).isEqualTo(1);
            assertThat(st.get(TrialState.SKIPPED)).isEqualTo(1);
            assertThat(st.get(TrialState.RUNNING)).isEqualTo(1);
            assertThat(st.get(TrialState.PENDING)).isEqualTo(3);
            List<Config> rest = new ArrayList<>();
            for (Optional<Config> c = s.next(); c.isPresent(); c = s.next()) rest.add(c.get());
            assertThat(rest).hasSize(3).doesNotContain(c1, c2, c3);
            assertThatThrownBy(() -> s.done(c1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("not in progress");
        }
    }

    @Test
    void skipped_combination_is_retried_after_reopening_and_done_ones_are_not() {
        Config skipped;
        Config done;
        try (ParamSweeper s = ParamSweeper.open(dir, "sw", small())) {
            done = s.next().orElseThrow();
            s.done(done);
            skipped = s.next().orElseThrow();
            s.skip(skipped);
            Config held = s.next().orElseThrow(); // still in progress at close: goes back to remaining
            assertThat(held).isNotEqualTo(skipped);
        }
        try (ParamSweeper s = ParamSweeper.open(dir, "sw", small())) {
            assertThat(s.skipped()).isEmpty();
            assertThat(s.running()).isEmpty();
            assertThat(s.done()).containsExactly(done);
            assertThat(s.remaining()).hasSize(5).contains(skipped);
            assertThat(s.next()).contains(skipped); // lowest id first
        }
    }

    @Test
    void reset_makes_skipped_and_optionally_running_remaining_again() {
        try (ParamSweeper s = ParamSweeper.open(dir, "sw", small())) {
            s.skip(s.next().orElseThrow());
            s.next().orElseThrow();
            assertThat(s.reset(false)).isEqualTo(1);
            assertThat(s.running()).hasSize(1);
            assertThat(s.reset(true)).isEqualTo(1);
            assertThat(s.running()).isEmpty();
            assertThat(s.remaining()).hasSize(6);
        }
    }

    @Test
    void next_with_filter_and_next_batch_take_only_accepted_remaining_combinations() {
        try (ParamSweeper s = ParamSweeper.open(dir, "sw", small())) {
            assertThat(s.next(c -> c.getString("b").equals("y") && c.getInt("a") >= 2)).contains(Config.of("a", 2, "b", "y"));
            List<Config> ys = s.nextBatch(10, c -> c.getString("b").equals("y"));
            assertThat(ys).containsExactly(Config.of("a", 1, "b", "y"), Config.of("a", 3, "b", "y"));
            assertThat(s.next(c -> c.getString("b").equals("y"))).isEmpty();
            List<Config> two = s.nextBatch(2, c -> true);
            assertThat(two).hasSize(2).allSatisfy(c -> assertThat(c.getString("b")).isEqualTo("x"));
            assertThat(s.remaining()).hasSize(1);
            assertThat(s.running()).hasSize(5);
        }
    }

    @Test
    void stats_by_parameter_value_count_each_state_per_value() {
        try (ParamSweeper s = ParamSweeper.open(dir, "sw", small())) {
            for (Config c : s.nextBatch(6, c -> c.getInt("a") == 1)) s.done(c);
            s.skip(s.next(c -> c.getInt("a") == 3).orElseThrow());
            Map<String, Map<Object, Counts>> by = s.statsByParameterValue();
            assertThat(by).containsOnlyKeys("a", "b");
            assertThat(by.get("a")).hasSize(3);
            Counts a1 = by.get("a").values().iterator().next();
            assertThat(a1.get(TrialState.DONE)).isEqualTo(2);
            assertThat(a1.total()).isEqualTo(2);
            Counts x = by.get("b").get("x");
            assertThat(x.get(TrialState.DONE)).isEqualTo(1);
            assertThat(x.get(TrialState.SKIPPED)).isEqualTo(1);
            assertThat(x.get(TrialState.PENDING)).isEqualTo(1);
            assertThat(s.stats().total()).isEqualTo(6);
        }
    }

    @Test
    void four_threads_with_a_sweeper_each_do_two_thousand_combinations_exactly_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Config>>> fs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                fs.add(pool.submit(() -> {
                    List<Config> mine = new ArrayList<>();
                    try (ParamSweeper s = ParamSweeper.open(dir, "sweep", SweeperMain.space())) {
                        for (Optional<Config> c = s.next(); c.isPresent(); c = s.next()) {
                            s.done(c.get());
                            mine.add(c.get());
                        }
                    }
                    return mine;
                }));
            }
            List<Config> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<Config>> f : fs) all.addAll(f.get(120, TimeUnit.SECONDS));
            assertThat(all).hasSize(2000);
            assertThat(new HashSet<>(all)).hasSize(2000);
        } finally {
            pool.shutdownNow();
        }
        try (ParamSweeper s = ParamSweeper.open(dir, "sweep", SweeperMain.space())) {
            assertThat(s.stats().get(TrialState.DONE)).isEqualTo(2000);
            assertThat(s.stats().total()).isEqualTo(2000);
        }
    }

    @Test
    void four_processes_with_a_sweeper_each_do_two_thousand_combinations_exactly_once() throws Exception {
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 4; i++)
            ps.add(JavaProcesses.start(SweeperMain.class, dir.resolve("p" + i + ".log"), dir.toString(), dir.resolve("p" + i + ".txt").toString()));
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Process p = ps.get(i);
            boolean exited = p.waitFor(120, TimeUnit.SECONDS);
            if (!exited) ps.forEach(Process::destroyForcibly);
            assertThat(exited).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("p" + i + ".log"))).isZero();
            all.addAll(Files.readAllLines(dir.resolve("p" + i + ".txt")));
        }
        Set<String> unique = new HashSet<>(all);
        assertThat(all).hasSize(2000);
        assertThat(unique).hasSize(2000);
        try (ParamSweeper s = ParamSweeper.open(dir, "sweep", SweeperMain.space())) {
            assertThat(s.stats().get(TrialState.DONE)).isEqualTo(2000);
            assertThat(s.remaining()).isEmpty();
            assertThat(s.done()).hasSize(2000);
        }
    }
}
