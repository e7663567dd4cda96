package dev.retort.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** A bash (and zsh) completion script for every command and flag: {@code source <(retort completion)}. */
@Command(name = "completion", description = {"Print a bash/zsh completion script.",
        "Use: source <(retort completion), or save it under /etc/bash_completion.d/."})
final class CompletionCommand extends CliCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        out().print(AutoComplete.bash("retort", spec.root().commandLine()));
        return 0;
    }
}
