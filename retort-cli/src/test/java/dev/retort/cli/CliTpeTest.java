package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** TPE through the real CLI and a real worker process: a run killed half way continues the same search. */
class CliTpeTest {
    @TempDir
    Path tmp;

    private Path plan(String name, double sleepSeconds) throws Exception {
        Path script = tmp.resolve(name + ".sh");
        Files.writeString(script, """
                sleep %s
                echo "$1 $2" >> "%s"
                awk -v a="$1" -v b="$2" 'BEGIN { printf "{\\"value\\": %%.12f}\\n", (a - 0.3) ^ 2 + (b - 0.7) ^ 2 }'
                """.formatted(sleepSeconds, tmp.resolve(name + ".evals")));
        Path p = tmp.resolve(name + ".yaml");
        Files.writeString(p, """
                experiment: tpe
                objective: {command: [sh, '%s', '{x}', '{y}']}
                space:
                  x: {uniform: [0, 1]}
                  y: {uniform: [0, 1]}
                search:
                  tpe: {trials: 24, startup: 6, seed: 3}
                """.formatted(script));
        return p;
    }

    private static List<String> configs(Path exp) throws Exception {
        Cli.Result r = Cli.run("export", exp.toString(), "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> out = new ArrayList<>();
        for (JsonNode t : new ObjectMapper().readTree(r.out().substring(r.out().indexOf('[')))) {
            assertThat(t.get("state").asText()).as(t.toString()).isEqualTo("DONE");
            out.add(t.get("trial").asLong() + " " + t.get("config"));
        }
        return out;
    }

    @Test
    void a_tpe_run_killed_half_way_and_rerun_proposes_exactly_the_trials_of_a_calm_run() throws Exception {
        Path calm = tmp.resolve("calm");
        Cli.Result c = Cli.run("run", plan("calm", 0).toString(), "--dir", calm.toString(), "--workers", "1", "--no-progress");
        assertThat(c.code()).as(c.toString()).isZero();
        List<String> expected = configs(calm);
        assertThat(expected).hasSize(24);

        Path plan = plan("killed", 0.15);
        Path exp = tmp.resolve("killed"), evals = tmp.resolve("killed.evals");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", plan.toString(),
                "--dir", exp.toString(), "--workers", "1", "--no-progress").redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(evals) || Files.readAllLines(evals).size() < 12) { // past the 6 random startup trials
            assertThat(p.isAlive()).as("the run ended before half way").isTrue();
            assertThat(System.nanoTime()).as("half way within 2 minutes").isLessThan(deadline);
            Thread.sleep(20); // polling another process's file: there is no event to wait on
        }
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.add(p.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : tree) h.onExit().get(30, TimeUnit.SECONDS); // the worker too, so the rerun sees it dead
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Cli.Result rerun = Cli.run("run", plan.toString(), "--dir", exp.toString(), "--workers", "1", "--no-progress");
        assertThat(rerun.code()).as(rerun.toString()).isZero();
        assertThat(configs(exp)).as("trial by trial, the search of an undisturbed run").isEqualTo(expected);
        List<String> ran = Files.readAllLines(evals);
        assertThat(ran.stream().distinct().count()).as("evaluations beyond the one in flight at the kill").isGreaterThanOrEqualTo(ran.size() - 1);
    }
}
