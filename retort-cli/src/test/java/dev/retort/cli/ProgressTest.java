package dev.retort.cli;

import dev.retort.store.Counts;
import dev.retort.store.TrialState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {
    static Counts counts(long pending, long running, long done, long failed) {
        Map<TrialState, Long> m = new EnumMap<>(TrialState.class);
        m.put(TrialState.PENDING, pending);
        m.put(TrialState.RUNNING, running);
        m.put(TrialState.DONE, done);
        m.put(TrialState.FAILED, failed);
        return new Counts(m, 0);
    }

    @Test
    void fields_are_separated_and_name_what_they_count() {
        String line = Progress.line(counts(280, 2, 229, 1), 30, Duration.ofSeconds(62), true);
        assertThat(line).isEqualTo("230/512 trials (44%) [########............] | 3.2/s | ETA 1m28s | 2 running | 1 failed");
    }

    @Test
    void a_rate_below_one_a_second_is_shown_per_minute() {
        assertThat(Progress.line(counts(8, 1, 3, 0), 0, Duration.ofSeconds(60), false))
                .isEqualTo("3/12 trials (25%) | 3.0/min | ETA 3m | 1 running");
        assertThat(Progress.rate(0.5)).isEqualTo("30/min");
        assertThat(Progress.rate(1 / 600.0)).isEqualTo("0.1/min");
        assertThat(Progress.rate(250)).isEqualTo("250/s");
    }

    @Test
    void a_finished_run_has_no_eta() {
        assertThat(Progress.line(counts(0, 0, 10, 0), 0, Duration.ofSeconds(5), false)).isEqualTo("10/10 trials (100%) | 2.0/s | 0 running");
    }
}
