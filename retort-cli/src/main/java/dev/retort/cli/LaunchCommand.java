package dev.retort.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code retort launch slurm|k8s}: writes the file a cluster needs to start many {@code retort worker}s against one
 * shared store (docs/hosts.md). Nothing here talks to the store; the experiment's trials are registered by
 * {@code retort run PLAN --store URL}, before or while the workers start.
 */
@Command(name = "launch", description = "Write a cluster launch file (Slurm array script, Kubernetes Indexed Job) that runs workers on many hosts.",
        subcommands = {LaunchSlurmCommand.class, LaunchK8sCommand.class})
final class LaunchCommand extends CliCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "launch: missing the cluster; allowed: slurm or k8s");
    }
}
