package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.manifest.Manifest;
import dev.retort.manifest.ManifestText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Prints an experiment's manifest (docs/manifest.md). */
@Command(name = "manifest", description = "Print an experiment's manifest: plan, code, data, environment, outcome.")
final class ManifestCommand extends CliCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "An experiment directory, or a manifest file (manifest.json, manifests/*.json).")
    Path path;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (the file as written; default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json"))
            throw PlanException.at(null, "--format", format, "is not a manifest format", "text, json");
        Manifest m = Manifest.read(path);
        out().print(format.equals("json") ? Files.readString(m.file(), StandardCharsets.UTF_8) : ManifestText.render(m.json()));
        out().flush();
        return 0;
    }
}
