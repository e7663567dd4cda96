package dev.retort.runner.ranksys;

import dev.retort.rec.data.Interactions;
import dev.retort.rec.data.Synthetic;
import dev.retort.rec.data.SyntheticSpec;
import dev.retort.rec.runner.RunnerFiles;
import dev.retort.rec.runner.RunnerProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A child JVM that, like a worker, starts the RankSys runner and asks it for a long fit; the test kills it with -9. */
public final class WorkerStandIn {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        RunnerProcess r = RunnerProcess.start("ranksys", List.of(java, "-cp", System.getProperty("java.class.path"),
                RankSysRunnerMain.class.getName()), dir, dir.resolve("logs"), Duration.ofSeconds(60));
        Interactions train = Synthetic.generate(new SyntheticSpec(6040, 3706, 1_000_209, 1, false, false));
        Path file = dir.resolve("train.tsv");
        RunnerFiles.writeTrain(train, file);
        System.out.println("runner " + r.pid());
        System.out.flush();
        r.fit("iALS", Map.of("factors", 64, "iterations", 1000, "reg", 0.1, "alpha", 1.0), 1, file,
                train.numUsers(), train.numItems(), dir, Duration.ofMinutes(30));
        System.out.println("fit returned (the test should have killed this JVM before)");
    }
}
