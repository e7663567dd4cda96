package dev.retort.objective;

import dev.retort.PlanException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandValidationTest {
    private static final Set<String> PARAMS = Set.of("x1", "optimizer", "lr");

    @Test
    void an_unknown_placeholder_is_named_with_the_sorted_allowed_names() {
        assertThatThrownBy(() -> CommandObjective.validate(List.of("python3", "train.py", "--lr={lrr}"), PARAMS, "plan.yaml:5"))
                .isInstanceOf(PlanException.class)
                .hasMessage("plan.yaml:5: objective.command[2]: '--lr={lrr}' names no parameter 'lrr'; allowed: lr, optimizer, x1");
    }

    @Test
    void an_unclosed_brace_is_rejected_with_its_column() {
        assertThatThrownBy(() -> CommandObjective.validate(List.of("run", "--lr={lr"), PARAMS, "plan.yaml:5"))
                .isInstanceOf(PlanException.class)
                .hasMessageStartingWith("plan.yaml:5: objective.command[1]: '--lr={lr' has an unclosed '{' at column 6")
                .hasMessageContaining("allowed: '{name}' for a parameter, '{{' and '}}' for literal braces");
    }

    @Test
    void a_lone_closing_brace_and_an_empty_placeholder_are_rejected() {
        assertThatThrownBy(() -> CommandObjective.validate(List.of("run", "a}b"), PARAMS, "p.yaml:2"))
                .hasMessageStartingWith("p.yaml:2: objective.command[1]: 'a}b' has an unmatched '}' at column 2");
        assertThatThrownBy(() -> CommandObjective.validate(List.of("run {}"), PARAMS, "p.yaml:2"))
                .hasMessageStartingWith("p.yaml:2: objective.command[0]: 'run {}' has an empty placeholder");
        assertThatThrownBy(() -> CommandObjective.validate(List.of("{a{b}}"), PARAMS, "p.yaml:2"))
                .hasMessageContaining("unclosed '{' at column 1");
    }

    @Test
    void an_empty_command_is_rejected() {
        assertThatThrownBy(() -> CommandObjective.validate(List.of(), PARAMS, "plan.yaml:4"))
                .isInstanceOf(PlanException.class)
                .hasMessage("plan.yaml:4: objective.command: [] is empty; allowed: a program followed by its arguments");
    }

    @Test
    void a_valid_command_with_escaped_braces_passes() {
        assertThatCode(() -> CommandObjective.validate(
                List.of("sh", "-c", "echo '{{\"x\": {x1}}}'", "--opt={optimizer}"), PARAMS, "plan.yaml:5"))
                .doesNotThrowAnyException();
    }

    @Test
    void constructing_an_objective_from_a_malformed_command_fails_early() {
        assertThatThrownBy(() -> new CommandObjective(CommandSpec.of("run", "{x")))
                .isInstanceOf(PlanException.class)
                .hasMessageStartingWith("objective.command[1]: '{x' has an unclosed '{'");
    }
}
