package dev.retort.objective;

import dev.retort.Trial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class CommandObjectiveStopTest {
    /** Starts a background grandchild, records its pid, and waits for it forever. */
    private static final CommandSpec SLEEPER = CommandSpec.of("sh", "-c", "sleep 1000 & echo $! > child.pid; wait");

    @TempDir
    Path root;

    @Test
    void timeout_kills_the_whole_process_tree_and_says_how_long_it_waited() throws Exception {
        Trial t = Trials.in(root);
        CommandObjective objective = new CommandObjective(SLEEPER.withTimeout(Duration.ofSeconds(1)));
        long started = System.nanoTime();
        assertThatThrownBy(() -> objective.evaluate(t))
                .isInstanceOf(TrialFailedException.class)
                .hasMessageStartingWith("timed out after 1s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        long grandchild = Long.parseLong(Trials.awaitLine(t.dir().resolve("child.pid"), Duration.ofSeconds(5)));
        assertThat(Trials.alive(grandchild)).as("grandchild %d alive", grandchild).isFalse();
    }

    @Test
    void interruption_kills_the_whole_process_tree_and_rethrows_interrupted_exception() throws Exception {
        Trial t = Trials.in(root);
        CommandObjective objective = new CommandObjective(SLEEPER);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                objective.evaluate(t);
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        }, "evaluating");
        worker.start();
        long grandchild = Long.parseLong(Trials.awaitLine(t.dir().resolve("child.pid"), Duration.ofSeconds(30)));
        assertThat(Trials.alive(grandchild)).isTrue();

        worker.interrupt();

        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(Trials.alive(grandchild)).as("grandchild %d alive", grandchild).isFalse();
    }

    @Test
    void a_thread_interrupted_before_evaluating_gets_interrupted_exception_with_the_status_cleared() throws Exception {
        Trial t = Trials.in(root);
        CommandObjective objective = new CommandObjective(SLEEPER);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> objective.evaluate(t)).isInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).as("interrupt status after the exception").isFalse();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void fast_programs_finish_well_within_their_timeout() throws Exception {
        CommandObjective objective = new CommandObjective(
                CommandSpec.of("sh", "-c", "echo '{{\"v\": 1}}'").withTimeout(Duration.ofSeconds(30)));
        assertThat(objective.evaluate(Trials.in(root))).containsEntry("v", 1L);
    }

    @Test
    void durations_render_for_humans() {
        assertThat(Durations.human(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(Durations.human(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.human(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.human(Duration.ofSeconds(150))).isEqualTo("2m30s");
        assertThat(Durations.human(Duration.ofMinutes(65))).isEqualTo("1h5m");
    }
}
