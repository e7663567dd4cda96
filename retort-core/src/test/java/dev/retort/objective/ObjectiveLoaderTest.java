package dev.retort.objective;

import dev.retort.Objective;
import dev.retort.PlanException;
import dev.retort.Trial;
import dev.retort.space.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectiveLoaderTest {
    private static final ClassLoader HERE = ObjectiveLoaderTest.class.getClassLoader();

    public static final class Square implements Objective {
        @Override
        public Map<String, Object> evaluate(Trial trial) {
            double x = trial.config().getDouble("x");
            return Map.of("value", x * x);
        }
    }

    public static final class NeedsArgument implements Objective {
        public NeedsArgument(int unused) {
        }

        @Override
        public Map<String, Object> evaluate(Trial trial) {
            return Map.of();
        }
    }

    public static final class Explodes implements Objective {
        public Explodes() {
            throw new IllegalStateException("missing DATA_DIR");
        }

        @Override
        public Map<String, Object> evaluate(Trial trial) {
            return Map.of();
        }
    }

    @TempDir
    Path tmp;

    @Test
    void loads_and_instantiates_a_public_objective() throws Exception {
        Objective o = ObjectiveLoader.load(Square.class.getName(), HERE, "plan.yaml:3");
        assertThat(o).isInstanceOf(Square.class);
        assertThat(o.evaluate(new Trial(1, Config.of("x", 3.0), tmp, 1))).containsEntry("value", 9.0);
    }

    @Test
    void an_unknown_class_suggests_checking_the_classpath() {
        assertThatThrownBy(() -> ObjectiveLoader.load("com.example.Nope", HERE, "plan.yaml:3"))
                .isInstanceOf(PlanException.class)
                .hasMessage("plan.yaml:3: objective.class: 'com.example.Nope' is not on the classpath;"
                        + " allowed: a fully qualified class name; check --classpath");
    }

    @Test
    void a_class_that_is_no_objective_is_rejected() {
        assertThatThrownBy(() -> ObjectiveLoader.load("java.lang.StringBuilder", HERE, "plan.yaml:3"))
                .isInstanceOf(PlanException.class)
                .hasMessageStartingWith("plan.yaml:3: objective.class: 'java.lang.StringBuilder' does not implement dev.retort.Objective");
    }

    @Test
    void a_class_without_a_public_no_argument_constructor_is_rejected() {
        assertThatThrownBy(() -> ObjectiveLoader.load(NeedsArgument.class.getName(), HERE, "plan.yaml:3"))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("NeedsArgument' has no public no-argument constructor");
    }

    @Test
    void a_throwing_constructor_is_reported_with_its_message() {
        assertThatThrownBy(() -> ObjectiveLoader.load(Explodes.class.getName(), HERE, "plan.yaml:3"))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("Explodes' constructor threw IllegalStateException: missing DATA_DIR")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void extra_classpath_directories_make_user_classes_loadable() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/user"));
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Files.writeString(src.resolve("Constant.java"), "package user;\n"
                + "public class Constant implements dev.retort.Objective {\n"
                + "  public java.util.Map<String, Object> evaluate(dev.retort.Trial t) { return java.util.Map.of(\"value\", 42L); }\n"
                + "}\n");
        String coreClasses = Path.of(Objective.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-cp", coreClasses, "-d", classes.toString(), src.resolve("Constant.java").toString());
        assertThat(rc).isZero();

        assertThatThrownBy(() -> ObjectiveLoader.load("user.Constant", HERE, "plan.yaml:3"))
                .hasMessageContaining("is not on the classpath");
        ClassLoader extended = ObjectiveLoader.withClasspath(List.of(classes), HERE, "--classpath");
        Objective o = ObjectiveLoader.load("user.Constant", extended, "plan.yaml:3");
        assertThat(o.evaluate(new Trial(1, Config.empty(), tmp, 1))).containsEntry("value", 42L);
    }

    @Test
    void a_classpath_entry_that_does_not_exist_is_rejected() {
        Path missing = tmp.resolve("missing.jar");
        assertThatThrownBy(() -> ObjectiveLoader.withClasspath(List.of(tmp, missing), HERE, "--classpath"))
                .isInstanceOf(PlanException.class)
                .hasMessage("--classpath: '" + missing + "' does not exist; allowed: existing jar files or class directories");
    }
}
