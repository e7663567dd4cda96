package dev.retort.cli;

import dev.retort.engine.Results;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;
import dev.retort.store.ClaimedTrial;
import dev.retort.store.Outcome;
import dev.retort.store.TrialStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SQLite experiment whose every stored value is fixed in advance, for golden files: a hand-driven clock,
 * one worker on host {@code host-a}, and trials in each state. Its results clash with the columns on purpose:
 * trial 1's result has {@code x} (a parameter) and {@code seconds} (the run time).
 * <ul>
 *   <li>trial 1 (x=1): DONE after 2.5 s, result {value 0.25, x 99, seconds 7.5, cost 2}</li>
 *   <li>trial 2 (x=2): FAILED after 1 s, a two-line error with a '|' and a comma</li>
 *   <li>trial 3 (x=3): DONE after 0.125 s, result {value 1234567.891, note "a, \"b\"", curve [1, 0.5]}</li>
 *   <li>trial 4 (x=4): RUNNING, phase FIT</li>
 *   <li>trial 5 (x=5): PENDING</li>
 * </ul>
 */
final class ExportFixture {
    static final Instant T0 = Instant.parse("2026-03-04T05:06:07.000Z");

    private ExportFixture() {
    }

    static Path create(Path tmp) throws Exception {
        Path plan = tmp.resolve("golden.yaml");
        Files.writeString(plan, """
                experiment: golden
                objective:
                  command: [sh, -c, 'echo never run']
                space: {x: [1, 2, 3, 4, 5], mode: [fast]}
                """);
        Path dir = tmp.resolve("golden-exp");
        ManualClock clock = new ManualClock(T0);
        try (Experiment exp = Experiment.open(new PlanParser(ExportFixture.class.getClassLoader()).parse(plan), dir,
                Experiment.Mode.STRICT, clock); TrialStore store = exp.store()) {
            clock.advance(Duration.ofSeconds(60));
            store.workerStarted("w-1", "host-a", 4242);
            List<ClaimedTrial> t = store.claim("w-1", 4, null, false);
            clock.advance(Duration.ofMillis(2500));
            store.complete(t.get(0), done(map("value", 0.25, "x", 99, "seconds", 7.5, "cost", 2)));
            clock.advance(Duration.ofMillis(1000));
            store.complete(t.get(1), Outcome.failed("exit code 4\nstderr: boom | pipe, comma", null));
            clock.advance(Duration.ofMillis(125));
            store.complete(t.get(2), done(map("value", 1234567.891, "note", "a, \"b\"", "curve", List.of(1, 0.5))));
            store.phase(t.get(3), "FIT");
        }
        return dir;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static Outcome done(Map<String, Object> result) {
        return Results.outcome(result, dev.retort.engine.Metric.minimize("value"));
    }

}
