package dev.retort.objective;

import dev.retort.Trial;
import dev.retort.space.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandObjectiveTemplateTest {
    /** Writes each argument after $0 on its own line of args.txt, then prints an empty result. */
    private static final String DUMP_ARGS = "printf '%s\\n' \"$@\" > args.txt; echo '{{}}'";

    @TempDir
    Path root;

    private List<String> argsSeen(Config config, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", DUMP_ARGS, "sh"));
        argv.addAll(List.of(args));
        Trial t = Trials.in(root, config);
        assertThat(new CommandObjective(new CommandSpec(argv, null, null, null)).evaluate(t)).isEmpty();
        return Files.readAllLines(t.dir().resolve("args.txt"));
    }

    @Test
    void placeholders_render_long_double_string_and_boolean() throws Exception {
        Config c = Config.of("n", 42, "lr", 0.1, "tiny", 1e-4, "whole", 3.0, "opt", "sgd with space", "flag", true);
        List<String> seen = argsSeen(c, "{n}", "--lr={lr}", "{tiny}", "{whole}", "{opt}", "--flag={flag}");
        assertThat(seen).containsExactly("42", "--lr=0.1", "1.0E-4", "3.0", "sgd with space", "--flag=true");
        assertThat(c.toJson()).contains("\"tiny\":1.0E-4", "\"whole\":3.0");
    }

    @Test
    void doubles_render_exactly_as_in_the_canonical_config_json() {
        for (double d : new double[]{0.1, 1e-4, 123456789.125, 1e22, 5e-324, 2.0 / 3}) {
            String json = Config.of("x", d).toJson();
            assertThat("{\"x\":" + ArgTemplate.renderValue(d) + "}").isEqualTo(json);
        }
    }

    @Test
    void doubled_braces_are_literal_and_several_placeholders_may_share_an_argument() throws Exception {
        List<String> seen = argsSeen(Config.of("a", 1, "b", "x"), "{{{a}}}", "{a}-{b}-{a}", "}}{{");
        assertThat(seen).containsExactly("{1}", "1-x-1", "}{");
    }

    @Test
    void arguments_whose_parameters_are_all_absent_are_dropped() throws Exception {
        List<String> seen = argsSeen(Config.of("optimizer", "adam"),
                "--optimizer={optimizer}", "--momentum={momentum}", "--nesterov={momentum},{nesterov}", "--end");
        assertThat(seen).containsExactly("--optimizer=adam", "--end");
    }

    @Test
    void an_argument_mixing_present_and_absent_parameters_fails_the_trial() throws Exception {
        Trial t = Trials.in(root, Config.of("a", 1));
        CommandObjective o = new CommandObjective(CommandSpec.of("echo", "--pair={a},{b}"));
        assertThatThrownBy(() -> o.evaluate(t))
                .isInstanceOf(TrialFailedException.class)
                .hasMessageContaining("objective.command[1]: '--pair={a},{b}' mixes parameters")
                .hasMessageContaining("[b]");
    }

    @Test
    void the_environment_carries_the_trial_and_extra_variables() throws Exception {
        Config c = Config.of("lr", 0.5, "opt", "sgd");
        Trial t = new Trial(31, c, Files.createDirectories(root.resolve("t31")), 2);
        String script = "printf '{\"params\": %s, \"id\": %s, \"attempt\": %s, \"dir\": \"%s\", \"extra\": \"%s\", \"path\": \"%s\"}\\n'"
                + " \"$RETORT_PARAMS\" \"$RETORT_TRIAL_ID\" \"$RETORT_ATTEMPT\" \"$RETORT_TRIAL_DIR\" \"$SEED\" \"$PATH\"";
        script = script.replace("{", "{{").replace("}", "}}");
        CommandSpec spec = new CommandSpec(List.of("sh", "-c", script), Duration.ofSeconds(30), Map.of("SEED", "17"), null);
        Map<String, Object> r = new CommandObjective(spec).evaluate(t);
        assertThat(r.get("params")).isEqualTo(Map.of("lr", 0.5, "opt", "sgd"));
        assertThat(r).containsEntry("id", 31L).containsEntry("attempt", 2L).containsEntry("extra", "17")
                .containsEntry("dir", t.dir().toAbsolutePath().toString())
                .containsEntry("path", System.getenv("PATH"));
    }

    @Test
    void work_dir_defaults_to_the_trial_directory_and_can_be_set() throws Exception {
        Trial t = Trials.in(root);
        String pwd = "printf '{\"pwd\": \"%s\"}\\n' \"$(pwd -P)\"".replace("{", "{{").replace("}", "}}");
        assertThat(new CommandObjective(CommandSpec.of("sh", "-c", pwd)).evaluate(t))
                .containsEntry("pwd", t.dir().toRealPath().toString());
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        CommandSpec spec = new CommandSpec(List.of("sh", "-c", pwd), null, null, elsewhere);
        assertThat(new CommandObjective(spec).evaluate(t)).containsEntry("pwd", elsewhere.toRealPath().toString());
    }
}
