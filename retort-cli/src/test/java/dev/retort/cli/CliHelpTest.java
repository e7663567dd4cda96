package dev.retort.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command explains itself: --help, help CMD, completion, and a README table and docs/cli.md that match the code. */
class CliHelpTest {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    /** Every command by its path under retort ({@code run}, {@code launch slurm}), nested ones included. */
    static Map<String, CommandLine> commands() {
        Map<String, CommandLine> all = new java.util.LinkedHashMap<>();
        addUnder(new CommandLine(new Main()), "", all);
        return all;
    }

    private static void addUnder(CommandLine parent, String prefix, Map<String, CommandLine> all) {
        parent.getSubcommands().forEach((name, cl) -> {
            all.put(prefix + name, cl);
            if (!name.equals("help")) addUnder(cl, prefix + name + " ", all);
        });
    }

    @Test
    void every_command_prints_its_usage_for_help_and_exits_0() {
        assertThat(commands()).hasSizeGreaterThanOrEqualTo(11);
        assertThat(commands()).containsKeys("launch slurm", "launch k8s");
        for (String name : commands().keySet()) {
            List<String> args = new ArrayList<>(List.of(name.split(" ")));
            args.add("--help");
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertThat(r.code()).as(name + ": " + r).isZero();
            assertThat(r.out()).as(name).contains("Usage: retort " + name).doesNotContain("Missing required");
            assertThat(r.err()).as(name).isEmpty();
        }
    }

    @Test
    void run_help_lists_its_flags_and_exit_codes_although_plan_is_required() {
        Cli.Result r = Cli.run("run", "--help");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("--workers=N", "--dir=DIR", "Exit codes:", "130");
    }

    @Test
    void help_command_prints_the_same_usage_as_the_help_flag() {
        Cli.Result viaHelp = Cli.run("help", "status");
        assertThat(viaHelp.code()).as(viaHelp.toString()).isZero();
        assertThat(viaHelp.out()).isEqualTo(Cli.run("status", "--help").out()).contains("Usage: retort status");
    }

    @Test
    void completion_prints_a_bash_script_that_completes_every_command_and_flag() {
        Cli.Result r = Cli.run("completion");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F", "_picocli_retort");
        for (String name : commands().keySet()) assertThat(r.out()).as(name).contains(name.substring(name.lastIndexOf(' ') + 1));
        assertThat(r.out()).contains("--workers", "--follow", "--state", "--workers-per-task", "--submit", "--parallelism", "--secret-key",
                "--allow-network-fs");
    }

    /** The README row of each command names its positional parameters and every option (by any of its names) but -h/-V. */
    @Test
    void readme_command_table_has_a_row_for_every_command_naming_every_flag() throws IOException {
        List<String> rows = Files.readAllLines(ROOT.resolve("README.md")).stream().filter(l -> l.startsWith("| `retort ")).toList();
        List<String> missing = new ArrayList<>();
        commands().forEach((name, cl) -> {
            Optional<String> row = rows.stream().filter(l -> l.startsWith("| `retort " + name + " ") || l.startsWith("| `retort " + name + "`")).findFirst();
            if (row.isEmpty()) {
                missing.add("no row for retort " + name);
                return;
            }
            String usage = row.get().substring(0, row.get().indexOf("` |") + 1);
            for (ArgSpec a : cl.getCommandSpec().args()) {
                if (a.hidden() || a instanceof OptionSpec o && (o.usageHelp() || o.versionHelp())) continue; // hidden: internal (run -> worker)
                List<String> names = a instanceof OptionSpec o ? List.of(o.names()) : List.of(((PositionalParamSpec) a).paramLabel());
                if (names.stream().noneMatch(t -> usage.matches(".*[\\s\\[`]" + java.util.regex.Pattern.quote(t) + "[\\s\\]`].*")))
                    missing.add("retort " + name + ": " + names + " not in " + usage);
            }
        });
        assertThat(missing).isEmpty();
    }

    /** docs/cli.md documents, for every command, exactly the exit codes its --help shows. */
    @Test
    void docs_list_the_exit_codes_of_every_command_as_help_does() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/cli.md"));
        for (String name : commands().keySet()) {
            int at = doc.indexOf("### `retort " + name + "`");
            assertThat(at).as("section for " + name).isNotNegative();
            int next = doc.indexOf("\n#", at + 1);
            String section = doc.substring(at, next < 0 ? doc.length() : next);
            ExitCodes.of(name).forEach((code, meaning) -> assertThat(section).as(name).contains("- `" + code + "` " + meaning + "\n"));
            assertThat(section.lines().filter(l -> l.startsWith("- `")).count()).as(name).isEqualTo(ExitCodes.of(name).size());
        }
    }
}
