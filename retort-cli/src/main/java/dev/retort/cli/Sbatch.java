package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.RetortException;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds {@code sbatch} on PATH and submits a script with it: {@code sbatch FILE}, in the current directory. */
final class Sbatch {
    private Sbatch() {
    }

    static Path find() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                if (d.isEmpty()) continue;
                Path p = Path.of(d, "sbatch");
                if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
            }
        }
        throw PlanException.at(null, "--submit", null, "cannot submit: sbatch is not on PATH (" + (path == null ? "unset" : path) + ")",
                "--submit on a Slurm login node where sbatch is installed, or leave out --submit and run sbatch FILE there");
    }

    /** Runs sbatch and prints its output line (e.g. {@code Submitted batch job 4242}); exit 1 with its message when it fails. */
    static int submit(Path sbatch, Path file, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(sbatch.toString(), file.toString())).start();
        p.getOutputStream().close();
        // sbatch writes a line or two; read stderr beside stdout so neither pipe can fill and block it
        var errText = new java.util.concurrent.CompletableFuture<String>();
        Thread t = new Thread(() -> {
            try {
                errText.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                errText.complete("");
            }
        }, "sbatch-stderr");
        t.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int code = p.waitFor();
        t.join();
        String stderr = errText.join().strip();
        if (code != 0)
            throw new RetortException("sbatch " + file + " failed (exit " + code + ")" + (stderr.isEmpty() ? "" : ": " + stderr)
                    + "; the script is kept, fix and run: sbatch " + file);
        if (!stderr.isEmpty()) err.println(stderr);
        out.println(stdout);
        return 0;
    }
}
