// The quick start through the Java API. Run it (after ./retort has built the jar once) with:
//   java -cp retort-cli/target/retort.jar examples/java/QuickstartApi.java
import dev.retort.Retort;
import dev.retort.engine.Limits;
import dev.retort.examples.Branin;
import dev.retort.run.RunResult;
import dev.retort.space.Domain;
import dev.retort.space.Levels;
import dev.retort.space.Space;
import dev.retort.store.TrialRecord;

import java.nio.file.Path;
import java.util.Map;

public class QuickstartApi {
    public static void main(String[] args) {
        Space space = Space.builder()
                .factor("x1", Domain.linspace(-5, 10, 16))
                .factor("x2", Domain.geom(0.1, 15, 8))
                .levels("optimizer", Levels.of()
                        .level("sgd", Space.builder().factor("momentum", 0.0, 0.9).build())
                        .level("adam", Space.builder().factor("beta1", 0.9, 0.99).factor("beta2", 0.999).build()))
                .build();

        RunResult result = Retort.experiment("quickstart-api")
                .space(space)
                .objective(trial -> Map.of("value", Branin.branin(trial.config().getDouble("x1"), trial.config().getDouble("x2"))))
                .minimize("value")
                .limits(Limits.none().withMaxTrials(10_000))
                .workers(2)
                .dir(Path.of("runs/quickstart-api"))
                .run();

        System.out.println(result.counts().get(dev.retort.store.TrialState.DONE) + " trials done");
        for (TrialRecord t : result.ranked().subList(0, 5))
            System.out.printf("trial %d %s value=%.6f%n", t.id(), t.config(), t.metric());
    }
}
