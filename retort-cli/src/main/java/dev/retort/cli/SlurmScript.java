package dev.retort.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * An sbatch array script: each array task starts {@code workersPerTask} {@code retort worker} processes against the
 * store and waits for them. Every value the script uses is checked by the command or single-quoted here; the store
 * URL is the one without its password.
 *
 * @param store        the store URL without a password, or (local store) the experiment directory
 * @param shared       true for a PostgreSQL store (workers get {@code --store URL --experiment NAME}), false for a directory
 * @param time         {@code --time}, or null for the partition's default; likewise partition, account, mem
 * @param logs         the directory of the job's own output and of each worker's {@code worker-<id>.out|.err}
 */
record SlurmScript(String experiment, String store, boolean shared, String retort, int array, int workersPerTask,
                   int cpusPerTask, String time, String partition, String account, String mem, String logs) {

    String render() {
        List<String> l = new ArrayList<>();
        l.add("#!/bin/bash");
        l.add("#SBATCH --job-name=retort-" + experiment);
        l.add("#SBATCH --array=0-" + (array - 1));
        l.add("#SBATCH --ntasks=1");
        l.add("#SBATCH --cpus-per-task=" + cpusPerTask);
        if (time != null) l.add("#SBATCH --time=" + time);
        if (partition != null) l.add("#SBATCH --partition=" + partition);
        if (account != null) l.add("#SBATCH --account=" + account);
        if (mem != null) l.add("#SBATCH --mem=" + mem);
        l.add("#SBATCH --output=" + logs + "/slurm-%A_%a.out");
        l.add("#");
        l.add("# Written by 'retort launch slurm' for experiment " + experiment + ". Submit it with: sbatch FILE");
        l.add("# " + (array == 1 ? "The one array task" : "Each of the " + array + " array tasks") + " runs " + workersPerTask + " 'retort worker' process" + (workersPerTask == 1 ? "" : "es")
                + " against the store; a worker");
        l.add("# exits when no trial is left. Register the trials first (or meanwhile): retort run PLAN " + (shared ? "--store URL" : "--dir DIR"));
        if (shared) {
            l.add("# No password is in this file: the workers read it from PGPASSWORD, ~/.pgpass or RETORT_STORE_PASSWORD.");
        }
        l.add("# The log directory is relative to where sbatch runs; Slurm does not create it (retort launch -o does).");
        l.add("set -euo pipefail");
        l.add("");
        l.add("retort=" + quote(retort));
        l.add((shared ? "store=" : "dir=") + quote(store));
        if (shared) l.add("experiment=" + quote(experiment));
        l.add("logs=" + quote(logs));
        l.add("workers=" + workersPerTask);
        l.add("task=\"${SLURM_ARRAY_JOB_ID:-local}_${SLURM_ARRAY_TASK_ID:-0}\"");
        l.add("");
        l.add("pids=()");
        l.add("# scancel and the time limit send SIGTERM: pass it on; each worker puts its running trial back to PENDING");
        l.add("trap 'kill -TERM \"${pids[@]}\" 2>/dev/null; wait' TERM INT");
        l.add("for k in $(seq 1 \"$workers\"); do");
        l.add("  id=\"slurm-$task-$k\"");
        l.add("  \"$retort\" worker " + (shared ? "--store \"$store\" --experiment \"$experiment\"" : "\"$dir\"") + " --id \"$id\" \\");
        l.add("    >\"$logs/worker-$id.out\" 2>\"$logs/worker-$id.err\" &");
        l.add("  pids+=(\"$!\")");
        l.add("done");
        l.add("echo \"task $task: started $workers workers on $(hostname): ${pids[*]}\"");
        l.add("status=0");
        l.add("for pid in \"${pids[@]}\"; do");
        l.add("  wait \"$pid\" || status=$?");
        l.add("done");
        l.add("echo \"task $task: workers finished, exit $status\"");
        l.add("exit \"$status\"");
        return String.join("\n", l) + "\n";
    }

    /** A shell word in single quotes: nothing inside is expanded. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
