package dev.retort.objective;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.PlanException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretEnvTest {
    @Test
    void names_with_password_secret_token_or_key_in_any_case_are_secrets() {
        assertThat(SecretEnv.isSecret("DB_PASSWORD")).isTrue();
        assertThat(SecretEnv.isSecret("aws_secret_access_key")).isTrue();
        assertThat(SecretEnv.isSecret("HfToken")).isTrue();
        assertThat(SecretEnv.isSecret("API_KEY")).isTrue();
        assertThat(SecretEnv.isSecret("OMP_NUM_THREADS")).isFalse();
    }

    @Test
    void redacted_copy_hides_secret_values_and_keeps_the_rest_and_the_original() {
        ObjectNode rt = new ObjectMapper().createObjectNode();
        rt.putObject("env").put("API_TOKEN", "hunter2").put("PLAIN", "x");
        assertThat(SecretEnv.redacted(rt).toString()).isEqualTo("{\"env\":{\"API_TOKEN\":\"<redacted>\",\"PLAIN\":\"x\"}}");
        assertThat(rt.toString()).contains("hunter2");
        assertThat(SecretEnv.values(rt)).isEqualTo(Map.of("API_TOKEN", "hunter2"));
        assertThat(SecretEnv.values(SecretEnv.redacted(rt))).isEmpty();
    }

    @Test
    void a_redacted_secret_comes_from_the_environment_or_is_refused_naming_it() {
        assertThat(SecretEnv.resolve("API_TOKEN", "<redacted>", n -> n.equals("API_TOKEN") ? "hunter2" : null)).isEqualTo("hunter2");
        assertThat(SecretEnv.resolve("PLAIN", "x", n -> "other")).isEqualTo("x");
        assertThatThrownBy(() -> SecretEnv.resolve("API_TOKEN", "<redacted>", n -> null)).isInstanceOf(PlanException.class)
                .hasMessageContaining("objective.env.API_TOKEN: is a secret").hasMessageContaining("export API_TOKEN");
    }
}
