package dev.retort.cli;

import dev.retort.PlanException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code retort launch k8s}: a Kubernetes Indexed Job whose pods run workers against a shared store. */
@Command(name = "k8s", description = {"Write a Kubernetes batch/v1 Indexed Job manifest: each pod runs one worker against the store.",
        "The store password reaches the pods only from a Secret (--secret), never from the manifest."})
final class LaunchK8sCommand extends CliCommand implements Callable<Integer> {
    static final long MAX_PODS = 100_000;
    static final String DNS_SUBDOMAIN = "[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?";

    @Mixin
    LaunchOptions common;

    @Option(names = "--image", paramLabel = "IMAGE", required = true, description = "The container image, with retort in it (see --retort).")
    String image;

    @Option(names = "--parallelism", paramLabel = "N", required = true, description = "Pods running at once (1..100000).")
    long parallelism;

    @Option(names = "--completions", paramLabel = "M", description = "Pods in all, indexed 0..M-1 (default: N).")
    Long completions;

    @Option(names = "--cpu", paramLabel = "C", description = "CPU per pod, request and limit (e.g. 2 or 500m).")
    String cpu;

    @Option(names = "--memory", paramLabel = "M", description = "Memory per pod, request and limit (e.g. 4Gi).")
    String memory;

    @Option(names = "--secret", paramLabel = "NAME", description = "The Secret holding the store password; the pods get it as "
            + K8sJob.PASSWORD_ENV + ".")
    String secret;

    @Option(names = "--secret-key", paramLabel = "KEY", description = "The key of the password in --secret (default: password).")
    String secretKey;

    @Override
    public Integer call() throws IOException {
        Flags.range("--parallelism", parallelism, 1, MAX_PODS);
        Flags.range("--completions", completions, 1, MAX_PODS);
        LaunchOptions.checked("--image", image, "is not an image reference", "[^\\s'\"]+", "an image reference, e.g. registry.lab/retort:0.1.0");
        LaunchOptions.checked("--cpu", cpu, "is not a CPU quantity", "\\d+(\\.\\d+)?m?", "a CPU quantity, e.g. 2, 0.5 or 500m");
        LaunchOptions.checked("--memory", memory, "is not a memory quantity", "\\d+(\\.\\d+)?([kMGTPE]|[KMGTPE]i)?", "a memory quantity, e.g. 4Gi, 512Mi or 8G");
        LaunchOptions.checked("--secret", secret, "is not a Secret name", DNS_SUBDOMAIN, "a Secret name: lowercase letters, digits, '-' and '.'");
        LaunchOptions.checked("--secret-key", secretKey, "is not a Secret key", "[-._a-zA-Z0-9]{1,253}", "a Secret key: letters, digits, '-', '_' and '.'");
        if (secretKey != null && secret == null)
            throw PlanException.at(null, "--secret-key", secretKey, "is given without --secret", "--secret NAME --secret-key KEY");
        String experiment = common.experiment();
        StoreUrl store = common.store();
        String retort = common.retort();
        if (!store.shared())
            throw PlanException.at(null, "--store", store.withoutPassword(), "is not a shared store: the pods run on many nodes",
                    "a PostgreSQL store, --store " + StoreUrl.EXAMPLE + " (docs/hosts.md)");
        if (store.hadPassword() && secret == null)
            throw PlanException.at(null, "--store", store.withoutPassword() + " with a password", "would put the password in the manifest",
                    "the URL without it and the password in a Secret: kubectl create secret generic NAME --from-literal=password=...;"
                            + " then --secret NAME");
        K8sJob job = new K8sJob(experiment, store.withoutPassword(), retort, image, (int) parallelism,
                completions != null ? completions.intValue() : (int) parallelism, cpu, memory, secret, secretKey != null ? secretKey : "password");
        if (store.hadPassword())
            err().println("retort: the password in --store is not written to the manifest; the pods read it from Secret " + secret);
        Path file = Output.write(common.output, out(), w -> w.write(job.render()));
        if (file != null)
            err().println("wrote " + file + ": Indexed Job " + K8sJob.jobName(experiment) + ", " + job.completions() + " pods, "
                    + parallelism + " at a time; apply it with: kubectl apply -f " + file);
        return 0;
    }
}
