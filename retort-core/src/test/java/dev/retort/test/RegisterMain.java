package dev.retort.test;

import dev.retort.plan.Plan;
import dev.retort.plan.PlanParser;
import dev.retort.run.Experiment;

import java.nio.file.Path;
import java.time.Clock;

/** Child JVM for registration tests: opens the plan in args[0] into the directory args[1] and registers it all. */
public final class RegisterMain {
    private RegisterMain() {
    }

    public static void main(String[] args) throws Exception {
        Plan plan = new PlanParser(RegisterMain.class.getClassLoader()).parse(Path.of(args[0]));
        try (Experiment exp = Experiment.open(plan, Path.of(args[1]), Experiment.Mode.STRICT, Clock.systemUTC())) {
            System.out.println("open returned");
            System.out.println(exp.awaitRegistered(600_000) ? "registered" : "not registered");
        }
    }
}
