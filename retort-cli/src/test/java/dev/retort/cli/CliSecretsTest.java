package dev.retort.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret-looking env variable reaches the trial's command but never the store, a file of the experiment
 * directory, or anything the CLI prints.
 */
class CliSecretsTest {
    static final String SECRET = "hunter2-s3cr3t";

    @TempDir
    Path tmp;

    @Test
    void secret_env_values_reach_the_command_but_not_the_store_or_any_output() throws Exception {
        Path plan = tmp.resolve("plan.yaml");
        // the command fails unless it got the real value (its text holds the two halves, never the whole); it never prints it
        Files.writeString(plan, """
                experiment: secret
                objective:
                  command: [sh, -c, 'if [ "${{API_TOKEN#hunter2-}}" != s3cr3t ] || [ "$PLAIN" != visible ]; then exit 9; fi; echo "{{\\"value\\": {a}}}"']
                  env: {API_TOKEN: %s, PLAIN: visible}
                space: {a: [1, 2, 3]}
                limits: {max_trials: 2}
                """.formatted(SECRET));
        Path exp = tmp.resolve("exp");
        List<Cli.Result> outputs = new ArrayList<>();
        Cli.Result r = Cli.run("run", plan.toString(), "--dir", exp.toString(), "--workers", "2", "--no-progress");
        outputs.add(r);
        assertThat(r.code()).as(r.toString()).isZero();
        outputs.add(Cli.run("trials", exp.toString()));
        assertThat(outputs.get(1).out().lines().filter(l -> l.contains("DONE"))).as("worker processes ran with the secret").hasSize(2);
        outputs.add(Cli.run("status", exp.toString()));
        outputs.add(Cli.run("results", exp.toString(), "--format", "json"));
        outputs.add(Cli.run("export", exp.toString(), "--format", "json"));

        // a worker started by hand without the variable refuses to start, naming it
        Cli.Result worker = Cli.run("worker", exp.toString());
        outputs.add(worker);
        assertThat(worker.code()).as(worker.toString()).isEqualTo(2);
        assertThat(worker.err()).contains("objective.env.API_TOKEN: is a secret").contains("export API_TOKEN").doesNotContain("\tat ");

        for (Cli.Result o : outputs) assertThat(o.out() + o.err()).doesNotContain(SECRET);
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(exp)) {
            for (Path f : files.filter(Files::isRegularFile).toList())
                if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(SECRET)) holding.add(f);
        }
        assertThat(holding).as("files of the experiment holding the secret").isEmpty();
        try (var exp2 = dev.retort.run.Experiment.join(exp, java.time.Clock.systemUTC())) {
            assertThat(exp2.row().settingsJson()).contains("\"API_TOKEN\":\"<redacted>\"", "\"PLAIN\":\"visible\"");
        }
    }
}
