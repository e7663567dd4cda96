package dev.retort.rec.data.registry;

import dev.retort.PlanException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryTest {
    @Test
    void cache_dir_comes_from_retort_data_or_defaults_under_home() {
        assertThat(Downloader.cacheDir(Map.of("RETORT_DATA", "/data/r"), "/home/me")).isEqualTo(Path.of("/data/r"));
        assertThat(Downloader.cacheDir(Map.of(), "/home/me")).isEqualTo(Path.of("/home/me/.retort/data"));
    }

    @Test
    void registry_knows_the_movie_lens_family_under_both_names() {
        assertThat(Registry.all()).extracting(DatasetEntry::name)
                .containsExactly("ml-100k", "ml-1m", "ml-10m", "ml-20m", "ml-25m", "ml-latest-small", "ml-latest");
        assertThat(Registry.find("movielens-100k")).contains(Registry.find("ml-100k").orElseThrow());
        assertThat(Registry.find("ml-1m").orElseThrow().urls())
                .containsExactly(URI.create("https://files.grouplens.org/datasets/movielens/ml-1m.zip"));
        assertThat(Registry.find("ml-10m").orElseThrow().sha256()).isNull();
        assertThatThrownBy(() -> Registry.get("plan.yaml:3", "datasets[0].source", "ml-5m"))
                .isInstanceOf(PlanException.class).hasMessageContaining("plan.yaml:3: datasets[0].source: 'ml-5m' is not a known dataset; allowed: ml-100k");
    }
}
