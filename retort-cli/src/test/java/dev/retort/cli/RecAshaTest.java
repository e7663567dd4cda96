package dev.retort.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ASHA on a recommender plan with BPR's epochs as the fidelity, through the CLI and two worker processes: each
 * rung continues the lower rung's saved model, and what it gets is exactly what a full grid fits from scratch.
 */
class RecAshaTest {
    @TempDir
    Path tmp;

    static final ObjectMapper JSON = new ObjectMapper();

    static final String PLAN = """
            experiment: NAME
            datasets:
              - name: synth
                source: {synthetic: {users: 400, items: 200, interactions: 12000, seed: 1, timestamps: true}}
                split: {leave_one_out: {by: time}}
            algorithms:
              BPR: {factors: [8, 16], learning_rate: [0.02, 0.05, 0.1], reg: [0.001, 0.01], epochs: EPOCHS, seed: 3}
            metrics: [ndcg@10]
            SEARCH
            """;

    private Path plan(String name, String epochs, String search) throws Exception {
        Path p = tmp.resolve(name + ".yaml");
        Files.writeString(p, PLAN.replace("NAME", name).replace("EPOCHS", epochs).replace("SEARCH", search));
        return p;
    }

    private List<JsonNode> runAndExport(String name, String epochs, String search) throws Exception {
        Path exp = tmp.resolve(name);
        Cli.Result run = Cli.run("run", plan(name, epochs, search).toString(), "--dir", exp.toString(), "--workers", "2", "--no-progress");
        assertThat(run.code()).as(run.toString()).isZero();
        Cli.Result r = Cli.run("export", exp.toString(), "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        List<JsonNode> all = new ArrayList<>();
        JSON.readTree(r.out().substring(r.out().indexOf('['))).forEach(all::add);
        return all;
    }

    /** The BPR parameters of a trial without the epochs: which config it is. */
    private static String key(JsonNode t) {
        Map<String, String> m = new TreeMap<>();
        t.get("config").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        m.remove("epochs");
        return m.toString();
    }

    @Test
    void each_rung_continues_the_saved_bpr_model_and_scores_exactly_what_the_grid_fits_from_scratch() throws Exception {
        List<JsonNode> asha = runAndExport("asha", "9", "search: {asha: {fidelity: epochs, min: 1, max: 9, eta: 3, trials: 12, seed: 1}}");
        List<JsonNode> grid = runAndExport("grid", "[1, 3, 9]", "");
        assertThat(grid).hasSize(36);

        Map<String, Double> gridNdcg = new HashMap<>();
        for (JsonNode t : grid) gridNdcg.put(key(t) + " " + t.get("config").get("epochs").asLong(), t.get("result").get("ndcg@10").asDouble());
        Map<Long, JsonNode> byId = new HashMap<>();
        asha.forEach(t -> byId.put(t.get("trial").asLong(), t));
        int[] perRung = new int[3];
        long cost = 0;
        for (JsonNode t : asha) {
            assertThat(t.get("state").asText()).as(t.toString()).isEqualTo("DONE");
            int rung = t.get("rung").asInt();
            long epochs = t.get("config").get("epochs").asLong();
            perRung[rung]++;
            cost += epochs;
            assertThat(t.get("cost").asLong()).as("charged its epochs").isEqualTo(epochs);
            assertThat(t.get("result").get("ndcg@10").asDouble()).as("same as the grid's fresh fit: " + t)
                    .isEqualTo(gridNdcg.get(key(t) + " " + epochs));
            if (rung == 0) {
                assertThat(t.get("result").has("continued_from")).as(t.toString()).isFalse();
            } else {
                JsonNode parent = byId.get(t.get("parent").asLong());
                assertThat(t.get("result").get("continued_from").asLong()).as("continued the parent's model: " + t)
                        .isEqualTo(parent.get("config").get("epochs").asLong());
            }
        }
        // asynchronous promotion: at least what synchronous halving keeps (4 and 1), more when workers ask early
        assertThat(perRung[0]).isEqualTo(12);
        assertThat(perRung[1]).isBetween(4, 12);
        assertThat(perRung[2]).isBetween(1, perRung[1]);
        assertThat(cost).as("each trial charged its epochs").isEqualTo(perRung[0] + 3L * perRung[1] + 9L * perRung[2]);
    }
}
