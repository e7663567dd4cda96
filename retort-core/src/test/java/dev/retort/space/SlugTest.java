package dev.retort.space;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugTest {

    @Test
    void safe_characters_are_kept_and_other_runs_become_one_underscore() {
        assertThat(Slug.slugify("resnet-50_v1.5")).isEqualTo("resnet-50_v1.5");
        assertThat(Slug.slugify("a b/c\\\\d:  é!")).isEqualTo("a_b_c_d_");
    }

    @Test
    void never_empty_dot_or_dot_dot_and_no_leading_dash_or_dot() {
        assertThat(Slug.slugify("")).isEqualTo("_");
        assertThat(Slug.slugify(".")).isEqualTo("_");
        assertThat(Slug.slugify("..")).isEqualTo("__");
        assertThat(Slug.slugify("-rf")).isEqualTo("_rf");
        assertThat(Slug.slugify(".hidden")).isEqualTo("_hidden");
        assertThat(Slug.slugify("name.")).isEqualTo("name_");
    }

    @Test
    void windows_device_names_are_avoided() {
        assertThat(Slug.slugify("CON")).isEqualTo("CON_");
        assertThat(Slug.slugify("nul")).isEqualTo("nul_");
        assertThat(Slug.slugify("com1.txt")).isEqualTo("com1_.txt");
        assertThat(Slug.slugify("CONSOLE")).isEqualTo("CONSOLE");
    }

    @Test
    void long_text_is_cut_to_80_with_a_hash_of_the_input() {
        // hash prefixes computed outside Java: sha256 of the input text
        String s = Slug.slugify("x".repeat(100));
        assertThat(s).hasSize(80).isEqualTo("x".repeat(71) + "-" + "09ecb6eb");
        assertThat(Slug.slugify("x".repeat(80))).isEqualTo("x".repeat(80));
        assertThat(Slug.slugify("x".repeat(99))).isNotEqualTo(s).hasSize(80);
    }

    @Test
    void config_slug_joins_sorted_name_value_pairs() {
        assertThat(Slug.of(Config.of("optimizer", "sgd", "lr", 0.01))).isEqualTo("lr-0.01_optimizer-sgd");
        assertThat(Slug.of(Config.of("lr", 1, "b", true))).isEqualTo("b-true_lr-1");
        assertThat(Slug.of(Config.of("lr", 1.0))).isEqualTo("lr-1.0");
        assertThat(Slug.of(Config.of("lr", 1e-5))).isEqualTo("lr-1.0E-5");
        assertThat(Slug.of(Config.of("path", "/data/x y"))).isEqualTo("path-_data_x_y");
    }

    @Test
    void empty_config_slug_is_default_and_long_config_slug_is_capped() {
        assertThat(Slug.of(Config.empty())).isEqualTo("default");
        assertThat(Slug.of(Config.of("name", "a".repeat(100)))).hasSize(80).endsWith("-0baecb8e");
    }
}
