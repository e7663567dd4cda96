package dev.retort.run;

import dev.retort.engine.GridSearch;
import dev.retort.engine.Limits;
import dev.retort.engine.Metric;
import dev.retort.plan.ObjectiveSpec;
import dev.retort.plan.Plan;
import dev.retort.space.Space;
import dev.retort.store.StoreSettings;
import dev.retort.store.TrialState;
import dev.retort.store.TrialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After its first chunk the registrar holds until a worker claims a trial, so on a small machine the first
 * trial does not wait for the CPU that registration takes; a claim, or waiting for the whole registration,
 * ends the hold.
 */
class RegistrationHoldTest {
    static final int CONFIGS = 200 * 200; // many chunks

    @TempDir
    Path dir;

    static Plan plan() {
        Integer[] values = IntStream.range(0, 200).boxed().toArray(Integer[]::new);
        Space space = Space.builder().factor("a", (Object[]) values).factor("b", (Object[]) values).build();
        ObjectiveSpec objective = new ObjectiveSpec("class", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("class", "dev.retort.examples.Noop"), null, null);
        return new Plan("hold", space, objective, Metric.minimize("value"), new GridSearch(), Limits.NONE, StoreSettings.DEFAULTS, 1);
    }

    @Test
    void registrar_holds_after_the_first_chunk_until_a_trial_is_claimed() throws Exception {
        try (Experiment exp = Experiment.open(plan(), dir, Experiment.Mode.STRICT, Clock.systemUTC());
             TrialStore store = exp.store()) {
            // open returned after the first chunk; the registrar holds from before that (up to 5 s)
            long firstChunk = store.counts().total();
            assertThat(firstChunk).isPositive().isLessThan(CONFIGS);
            // an observation window, not a synchronisation: without the hold the rest registers in it
            long until = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < until) {
                assertThat(store.counts().total()).isEqualTo(firstChunk);
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
            }

            assertThat(store.claim("w1", 1, null, false)).hasSize(1);
            assertThat(exp.awaitRegistered(60_000)).isTrue();
            assertThat(store.counts().total()).isEqualTo(CONFIGS);
            assertThat(store.counts().get(TrialState.RUNNING)).isEqualTo(1);
        }
    }

    @Test
    void awaiting_the_registration_ends_the_hold_without_a_claim() throws Exception {
        try (Experiment exp = Experiment.open(plan(), dir, Experiment.Mode.STRICT, Clock.systemUTC());
             TrialStore store = exp.store()) {
            long t0 = System.nanoTime();
            assertThat(exp.awaitRegistered(60_000)).isTrue();
            // a hold that ran out would take at least its 5 s
            assertThat(System.nanoTime() - t0).isLessThan(PlanRegistration.HOLD_NANOS);
            assertThat(store.counts().total()).isEqualTo(CONFIGS);
            assertThat(store.counts().get(TrialState.PENDING)).isEqualTo(CONFIGS);
        }
    }
}
