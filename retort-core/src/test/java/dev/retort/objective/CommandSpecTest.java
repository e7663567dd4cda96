package dev.retort.objective;

import dev.retort.PlanException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java API refuses what the plan parser refuses: the rules live in CommandSpec, the parser adds file:line. */
class CommandSpecTest {
    @TempDir
    Path tmp;

    static CommandSpec spec(Duration timeout, Map<String, String> env, Path workDir) {
        return new CommandSpec(List.of("true"), timeout, env, workDir);
    }

    @Test
    void env_names_with_equals_or_nul_and_values_with_nul_are_refused() {
        assertThatThrownBy(() -> spec(null, Map.of("A=B", "x"), null)).isInstanceOf(PlanException.class)
                .hasMessage("objective.env.A=B: is not a usable variable name; allowed: a non-empty name without '=' or NUL, e.g. OMP_NUM_THREADS");
        assertThatThrownBy(() -> spec(null, Map.of("A\0B", "x"), null)).hasMessageStartingWith("objective.env.A\\0B: is not a usable variable name");
        assertThatThrownBy(() -> spec(null, Map.of("", "x"), null)).hasMessageStartingWith("objective.env.: is not a usable variable name");
        assertThatThrownBy(() -> spec(null, Map.of("A", "x\0y"), null)).hasMessage("objective.env.A: contains a NUL character; allowed: a string without NUL");
    }

    @Test
    void a_timeout_longer_than_ten_years_is_refused() {
        assertThatThrownBy(() -> spec(Duration.ofDays(200_000), null, null)).isInstanceOf(PlanException.class)
                .hasMessageContaining("objective.timeout").hasMessageContaining("up to 3650d (10 years)");
        assertThatCode(() -> spec(Duration.ofDays(3650), null, null)).doesNotThrowAnyException();
    }

    @Test
    void a_work_dir_that_does_not_exist_is_refused() {
        assertThatThrownBy(() -> spec(null, null, tmp.resolve("gone"))).isInstanceOf(PlanException.class)
                .hasMessage("objective.workdir: '" + tmp.resolve("gone") + "' does not exist; allowed: an existing directory");
        assertThatCode(() -> spec(null, null, tmp)).doesNotThrowAnyException();
    }

    @Test
    void durations_beyond_ten_years_are_refused_rather_than_overflowing() {
        assertThatThrownBy(() -> Durations.parse("200000d")).isInstanceOf(ArithmeticException.class).hasMessageContaining("3650d");
        assertThatThrownBy(() -> Durations.parse("99999999999999999999999")).isInstanceOf(ArithmeticException.class);
        assertThatCode(() -> Durations.parse("3650d")).doesNotThrowAnyException();
    }
}
