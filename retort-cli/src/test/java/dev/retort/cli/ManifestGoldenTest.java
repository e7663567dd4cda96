package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.manifest.Canonical;
import dev.retort.manifest.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifest of a small plan, byte for byte, under two default locales, with what differs between machines,
 * builds and runs masked (times, host, Retort's code hashes, paths, the environment). The results digest is
 * not masked: the same plan gives the same digest everywhere.
 */
class ManifestGoldenTest {
    static final String MASK = "<masked>";

    @TempDir
    Path tmp;

    @Test
    void manifest_of_a_small_command_plan_matches_the_golden_file_under_two_locales() throws IOException {
        Path user = Files.createDirectories(tmp.resolve("user"));
        Files.writeString(user.resolve("obj.sh"), "#!/bin/sh\necho \"{\\\"value\\\": $(( $1 * 3 )).5, \\\"seconds\\\": 0.1}\"\n");
        Files.writeString(user.resolve("notes.txt"), "notes\n");
        Files.writeString(user.resolve("plan.yaml"), """
                experiment: golden
                objective:
                  command: [sh, obj.sh, '{a}']
                  env: {MODE: fast, API_TOKEN: not-in-the-manifest}
                space: {a: [1, 2, 3]}
                search: {random: {trials: 3, seed: 7}}
                limits: {max_trials: 3}
                capture: ['*.txt']
                """);
        AtomicInteger n = new AtomicInteger();
        GoldenFiles.check("manifest.json", () -> {
            Path dir = tmp.resolve("exp-" + n.incrementAndGet());
            Cli.Result r = Cli.run("run", user.resolve("plan.yaml").toString(), "--dir", dir.toString(), "--threads", "--no-progress");
            assertThat(r.code()).as(r.toString()).isZero();
            return masked(Manifest.read(dir).json());
        });
        assertThat(Files.readString(tmp.resolve("exp-1/manifest.json"))).doesNotContain("not-in-the-manifest");
        try (var s = Files.list(tmp.resolve("exp-1/manifests"))) {
            assertThat(s.toList()).hasSize(1).allMatch(p -> p.getFileName().toString().matches("\\d{8}T\\d{9}Z-[0-9a-f]{8}\\.json"));
        }
    }

    static String masked(JsonNode m) {
        ObjectNode c = m.deepCopy();
        ((ObjectNode) c.get("run")).put("started_at", MASK).put("available_processors", MASK).put("common_pool_parallelism", MASK);
        ((ObjectNode) c.get("outcome")).put("finished_at", MASK);
        ((ObjectNode) c.get("plan")).put("path", MASK);
        ((ObjectNode) c.get("plan").get("resolved").get("settings").get("objective_runtime")).put("plan_dir", MASK);
        ((ObjectNode) c.get("retort")).put("code", MASK);
        c.put("host", MASK).put("environment", MASK).put("git", MASK);
        ObjectNode program = (ObjectNode) c.get("objective").get("program");
        if (program.has("path")) program.put("path", MASK).put("sha256", MASK);
        return Canonical.json(c);
    }
}
