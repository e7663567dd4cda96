package dev.retort.space;

import dev.retort.PlanException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden canonical JSON and SHA-256 values: changing any of these silently orphans every stored trial. */
class ConfigTest {

    @Test
    void canonical_json_sorts_keys_and_hash_is_sha256_of_it() {
        Config c = Config.of("d", true, "c", "x", "b", 0.1, "a", 1);
        assertThat(c.toJson()).isEqualTo("{\"a\":1,\"b\":0.1,\"c\":\"x\",\"d\":true}");
        assertThat(c.hash()).isEqualTo("5a44c8bdb764919ea8ad718d0d2e1331b1c634ba24c231ca8daca353d55c2453");
        assertThat(c.shortHash()).isEqualTo("5a44c8bd");
    }

    @Test
    void golden_hashes_of_small_configs() {
        assertThat(Config.of("lr", 1).hash()).isEqualTo("09703c8724ab89f00dc149e48ceabaafbae9d48d209100f139610d165eb1a695");
        assertThat(Config.of("lr", 1.0).hash()).isEqualTo("b2ea5115a26339ad602266442fb269a0573822fed89dd9bd8097a6af898caece");
        assertThat(Config.empty().hash()).isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        assertThat(Config.of(Map.of("optimizer", "sgd", "lr", 0.01)).hash())
                .isEqualTo("98b1767fd5c840531ec1d49d6e039e1ce972d5aa79dda617903855f2803c9576");
    }

    @Test
    void integer_one_and_float_one_are_different_configs() {
        assertThat(Config.of("lr", 1)).isNotEqualTo(Config.of("lr", 1.0));
        assertThat(Config.of("lr", 1).hash()).isNotEqualTo(Config.of("lr", 1.0).hash());
    }

    @Test
    void negative_zero_equals_zero() {
        assertThat(Config.of("x", -0.0)).isEqualTo(Config.of("x", 0.0));
        assertThat(Config.of("x", -0.0).hash()).isEqualTo("306e4750ee8b575278c968fd63668192aeba456e5e47da97ed835e2d498ef9cf");
    }

    @Test
    void float_takes_its_decimal_text_so_0_1f_equals_double_0_1() {
        assertThat(Config.of("x", 0.1f)).isEqualTo(Config.of("x", 0.1));
        assertThat(Config.of("x", 0.1f).toJson()).isEqualTo("{\"x\":0.1}");
    }

    @Test
    void integral_types_all_become_long() {
        Config c = Config.of("a", (byte) 3, "b", (short) 3, "c", 3, "d", BigInteger.valueOf(3));
        assertThat(c.asMap().values()).allMatch(v -> v.equals(3L));
    }

    @Test
    void json_round_trip_keeps_types() {
        Config c = Config.of("a", 1, "b", 1.0, "c", "1", "d", false, "e", 1e-300);
        assertThat(Config.fromJson(c.toJson())).isEqualTo(c);
        assertThat(Config.fromJson(c.toJson()).get("b")).isInstanceOf(Double.class);
    }

    @Test
    void nan_and_non_scalars_are_refused() {
        assertThatThrownBy(() -> Config.of("x", Double.NaN)).isInstanceOf(PlanException.class)
                .hasMessageContaining("x").hasMessageContaining("finite");
        assertThatThrownBy(() -> Config.of("x", new int[0])).isInstanceOf(PlanException.class)
                .hasMessageContaining("not a scalar");
    }

    @Test
    void with_adds_or_replaces_without_changing_the_original() {
        Config c = Config.of("a", 1);
        assertThat(c.with("a", 2).get("a")).isEqualTo(2L);
        assertThat(c.with("b", "x").toJson()).isEqualTo("{\"a\":1,\"b\":\"x\"}");
        assertThat(c.get("a")).isEqualTo(1L);
    }
}
