package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ASHA through the real CLI and real worker processes, with a command objective that trains "epochs" the way
 * a checkpointing script does: it continues from the epoch count saved in {@code {previous_dir}}, and logs
 * every evaluation to a file shared by all trials, so the test sees what ran, not only what the store says.
 */
class CliAshaTest {
    @TempDir
    Path tmp;

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The objective: args EVALS X EPOCHS [--resume=DIR]; works in its trial directory. Continues the epochs of DIR (its epochs_done and
     * trained.log), checks that RETORT_PREVIOUS_DIR names the same directory, appends "X EPOCHS" to EVALS.
     */
    private Path script(double sleepSeconds) throws Exception {
        Path s = tmp.resolve("train.sh");
        Files.writeString(s, """
                cd "$RETORT_TRIAL_DIR" || exit 4
                evals=$1; x=$2; epochs=$3; from=0; prev=
                case "$4" in --resume=*) prev="${4#--resume=}" ;; esac
                if [ "$prev" != "$RETORT_PREVIOUS_DIR" ]; then echo "placeholder $prev but env $RETORT_PREVIOUS_DIR" >&2; exit 3; fi
                if [ -n "$prev" ]; then from=$(cat "$prev/epochs_done"); cp "$prev/trained.log" trained.log; fi
                e=$from
                while [ "$e" -lt "$epochs" ]; do e=$((e + 1)); echo "$e" >> trained.log; done
                sleep %s
                echo "$epochs" > epochs_done
                echo "$x $epochs" >> "$evals"
                awk -v x="$x" -v ep="$epochs" -v from="$from" 'BEGIN { printf "{\\"value\\": %%.12f, \\"from\\": %%d}\\n", (x - 0.3) ^ 2 + 1 / ep, from }'
                """.formatted(sleepSeconds));
        return s;
    }

    private Path plan(String name, int trials, double sleepSeconds) throws Exception {
        return plan(name, trials, sleepSeconds, "");
    }

    private Path plan(String name, int trials, double sleepSeconds, String extra) throws Exception {
        Path p = tmp.resolve(name + ".yaml");
        Files.writeString(p, """
                experiment: %s
                objective: {command: [sh, '%s', '%s', '{x}', '{epochs}', '--resume={previous_dir}']}
                space:
                  x: {uniform: [0, 1]}
                  epochs: {int: [1, 27]}
                search:
                  asha: {fidelity: epochs, min: 1, max: 27, eta: 3, trials: %d, seed: 7}
                %s""".formatted(name, script(sleepSeconds), evals(name), trials, extra));
        return p;
    }

    private Path evals(String name) {
        return tmp.resolve(name + ".evals");
    }

    private static List<JsonNode> export(Path exp) throws Exception {
        Cli.Result r = Cli.run("export", exp.toString(), "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        String out = r.out().substring(r.out().indexOf('['));
        List<JsonNode> all = new ArrayList<>();
        JSON.readTree(out).forEach(all::add);
        return all;
    }

    /** "x epochs" of every evaluation the objective finished, with how many times. */
    private Map<String, Long> evaluations(String name) throws Exception {
        return Files.readAllLines(evals(name)).stream().collect(Collectors.groupingBy(l -> l, TreeMap::new, Collectors.counting()));
    }

    /** The lineage invariants of a finished ASHA experiment; returns the x values at each rung. */
    private static List<TreeSet<Double>> checkLineage(List<JsonNode> trials) {
        Map<Long, JsonNode> byId = new HashMap<>();
        trials.forEach(t -> byId.put(t.get("trial").asLong(), t));
        Map<Long, Integer> children = new HashMap<>();
        List<TreeSet<Double>> rungs = new ArrayList<>();
        for (int k = 0; k < 4; k++) rungs.add(new TreeSet<>());
        for (JsonNode t : trials) {
            assertThat(t.get("state").asText()).as(t.toString()).isEqualTo("DONE");
            int rung = t.get("rung").asInt();
            long epochs = t.get("config").get("epochs").asLong();
            assertThat(epochs).isEqualTo(List.of(1L, 3L, 9L, 27L).get(rung));
            assertThat(rungs.get(rung).add(t.get("config").get("x").asDouble())).as("one trial per config and rung: " + t).isTrue();
            if (rung == 0) {
                assertThat(t.get("parent").isNull()).isTrue();
                continue;
            }
            JsonNode parent = byId.get(t.get("parent").asLong());
            assertThat(parent.get("rung").asInt()).isEqualTo(rung - 1);
            assertThat(parent.get("config").get("x")).isEqualTo(t.get("config").get("x"));
            children.merge(parent.get("trial").asLong(), 1, Integer::sum);
            // the checkpoint was continued: trained from the parent's epochs, not from 0
            assertThat(t.get("result").get("from").asLong()).as(t.toString()).isEqualTo(parent.get("config").get("epochs").asLong());
        }
        assertThat(children.values()).as("promotions per parent").containsOnly(1);
        return rungs;
    }

    @Test
    void four_worker_processes_on_one_asha_search_promote_each_trial_exactly_once() throws Exception {
        Path exp = tmp.resolve("four");
        Cli.Result run = Cli.run("run", plan("four", 40, 0).toString(), "--dir", exp.toString(), "--workers", "4", "--no-progress");
        assertThat(run.code()).as(run.toString()).isZero();
        List<JsonNode> trials = export(exp);
        List<TreeSet<Double>> rungs = checkLineage(trials);
        assertThat(rungs.get(0)).hasSize(40);
        assertThat(rungs.get(1).size()).isGreaterThanOrEqualTo(13); // floor(40 / 3): the final top third is promoted
        assertThat(rungs.get(3)).isNotEmpty();
        assertThat(trials).extracting(t -> t.get("attempt").asInt()).containsOnly(1);
        Map<String, Long> evals = evaluations("four");
        assertThat(evals).hasSize(trials.size());
        assertThat(evals.values()).as("evaluations per config and rung").containsOnly(1L);
        Set<String> workers = trials.stream().map(t -> t.get("worker").asText()).collect(Collectors.toSet());
        assertThat(workers).as("trials ran on several worker processes").hasSizeGreaterThan(1);

        Cli.Result status = Cli.run("status", exp.toString());
        assertThat(status.out()).contains("by rung (done/total):", "rung 0   40/40");
        Cli.Result results = Cli.run("results", exp.toString(), "--top", "3");
        assertThat(results.out().lines().findFirst().orElse("")).startsWith("trial").contains("rung", "parent");
    }

    @Test
    void max_cost_counts_fidelity_units_when_the_objective_reports_no_cost_across_two_workers() throws Exception {
        Path exp = tmp.resolve("budget");
        Cli.Result run = Cli.run("run", plan("budget", 200, 0, "limits: {max_cost: 60}\n").toString(), "--dir", exp.toString(),
                "--workers", "2", "--no-progress");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).contains("max_cost reached");
        List<JsonNode> trials = export(exp);
        double spent = 0;
        for (JsonNode t : trials) {
            if (!t.get("state").asText().equals("DONE")) continue;
            assertThat(t.get("cost").asDouble()).as("a trial is charged its epochs: " + t).isEqualTo(t.get("config").get("epochs").asDouble());
            spent += t.get("cost").asDouble();
        }
        // checked before each claim: reached, and overrun by at most one trial in flight per worker (27 epochs each)
        assertThat(spent).isGreaterThanOrEqualTo(60).isLessThan(60 + 2 * 27);
        assertThat(trials.size()).as("far fewer than the 200 configs").isLessThan(100);
    }

    @Test
    void each_rung_continues_the_lower_rungs_checkpoint_instead_of_starting_over() throws Exception {
        Path exp = tmp.resolve("ckpt");
        Cli.Result run = Cli.run("run", plan("ckpt", 9, 0).toString(), "--dir", exp.toString(), "--workers", "1", "--no-progress");
        assertThat(run.code()).as(run.toString()).isZero();
        List<JsonNode> trials = export(exp);
        checkLineage(trials);
        JsonNode top = trials.stream().max(java.util.Comparator.comparingInt(t -> t.get("rung").asInt())).orElseThrow();
        assertThat(top.get("rung").asInt()).isGreaterThanOrEqualTo(2);
        // the top trial's log holds every epoch once: 1 at rung 0, 2-3 at rung 1, 4-9 at rung 2 (10-27 at rung 3)
        Path dir = Files.list(exp.resolve("trials")).filter(d -> d.getFileName().toString().startsWith(String.format("%06d_", top.get("trial").asLong())))
                .findFirst().orElseThrow();
        List<String> epochs = Files.readAllLines(dir.resolve("trained.log"));
        int last = top.get("config").get("epochs").asInt();
        assertThat(epochs).hasSize(last);
        for (int e = 1; e <= last; e++) assertThat(epochs.get(e - 1)).isEqualTo(Integer.toString(e));
    }

    @Test
    void a_run_killed_half_way_continues_on_rerun_and_ends_with_the_rungs_of_a_calm_run() throws Exception {
        Path calm = tmp.resolve("calm");
        Cli.Result c = Cli.run("run", plan("calm", 12, 0).toString(), "--dir", calm.toString(), "--workers", "1", "--no-progress");
        assertThat(c.code()).as(c.toString()).isZero();
        List<TreeSet<Double>> calmRungs = checkLineage(export(calm));

        Path plan = plan("killed", 12, 0.15);
        Files.writeString(plan, Files.readString(plan).replace("experiment: killed", "experiment: calm"));
        Path exp = tmp.resolve("killed");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", plan.toString(),
                "--dir", exp.toString(), "--workers", "1", "--no-progress").redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(evals("killed")) || Files.readAllLines(evals("killed")).size() < 9) { // half of ~18 trials
            assertThat(p.isAlive()).as("the run ended before half way").isTrue();
            assertThat(System.nanoTime()).as("half way within 2 minutes").isLessThan(deadline);
            Thread.sleep(20); // polling another process's file: there is no event to wait on
        }
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.add(p.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : tree) h.onExit().get(30, TimeUnit.SECONDS); // the worker too, so the rerun sees it dead // SIGKILL: the run, its worker and the trial in flight
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int before = Files.readAllLines(evals("killed")).size();

        Cli.Result rerun = Cli.run("run", plan.toString(), "--dir", exp.toString(), "--workers", "1", "--no-progress");
        assertThat(rerun.code()).as(rerun.toString()).isZero();
        List<JsonNode> trials = export(exp);
        assertThat(checkLineage(trials)).as("rung membership after the kill and rerun").isEqualTo(calmRungs);
        Map<String, Long> evals = evaluations("killed");
        assertThat(Files.readAllLines(evals("killed")).size()).isGreaterThan(before);
        // no config ran twice at one rung, except at most the one in flight at the kill, which ran a second attempt
        List<String> twice = evals.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertThat(twice).hasSizeLessThanOrEqualTo(1);
        long retried = trials.stream().filter(t -> t.get("attempt").asInt() > 1).count();
        assertThat(retried).isLessThanOrEqualTo(1).isGreaterThanOrEqualTo(twice.size());
    }
    @Test
    void bad_asha_keys_are_refused_naming_file_line_key_value_and_what_is_allowed_with_exit_2() throws Exception {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{fidelity: epoch, min: 1, max: 27, trials: 5}",
                "bad.yaml:7: search.asha.fidelity: 'epoch' is not a parameter of the space; allowed: a parameter every config has (top-level, or in every level of a map of levels): epochs, x");
        cases.put("{fidelity: epochs, min: 1, max: 27, eta: 1, trials: 5}", "bad.yaml:7: search.asha.eta: 1 is too small; allowed: an integer >= 2");
        cases.put("{fidelity: epochs, min: 30, max: 27, trials: 5}", "bad.yaml:7: search.asha.min: '30' is above max (27); allowed: 0 < min <= max");
        cases.put("{fidelity: epochs, min: 1, max: 27, trials: 5, budget: 3}",
                "bad.yaml:7: search.asha.budget: is not a known key; allowed: eta, fidelity, max, min, seed, trials");
        cases.put("{fidelity: epochs, min: 1, max: 27}", "search.asha.trials: is missing; allowed: an integer >= 1");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path p = tmp.resolve("bad.yaml");
            Files.writeString(p, """
                    experiment: bad
                    objective: {command: [echo, '{{"value": 1}}']}
                    space:
                      x: {uniform: [0, 1]}
                      epochs: {int: [1, 27]}
                    search:
                      asha: %s
                    """.formatted(c.getKey()));
            Cli.Result r = Cli.run("run", p.toString(), "--dir", tmp.resolve("bad").toString(), "--no-progress");
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(c.getKey()).contains(c.getValue()).doesNotContain("Exception");
        }
    }
}
