package dev.retort.runner.ranksys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.uam.eps.ir.ranksys.fast.FastRecommendation;
import es.uam.eps.ir.ranksys.fast.index.SimpleFastItemIndex;
import es.uam.eps.ir.ranksys.fast.index.SimpleFastUserIndex;
import es.uam.eps.ir.ranksys.fast.preference.FastPreferenceData;
import es.uam.eps.ir.ranksys.fast.preference.SimpleFastPreferenceData;
import es.uam.eps.ir.ranksys.mf.Factorization;
import es.uam.eps.ir.ranksys.mf.als.HKVFactorizer;
import es.uam.eps.ir.ranksys.mf.rec.MFRecommender;
import es.uam.eps.ir.ranksys.nn.item.ItemNeighborhoodRecommender;
import es.uam.eps.ir.ranksys.nn.item.neighborhood.CachedItemNeighborhood;
import es.uam.eps.ir.ranksys.nn.item.neighborhood.TopKItemNeighborhood;
import es.uam.eps.ir.ranksys.nn.item.sim.VectorCosineItemSimilarity;
import es.uam.eps.ir.ranksys.nn.user.UserNeighborhoodRecommender;
import es.uam.eps.ir.ranksys.nn.user.neighborhood.TopKUserNeighborhood;
import es.uam.eps.ir.ranksys.nn.user.sim.VectorCosineUserSimilarity;
import es.uam.eps.ir.ranksys.rec.fast.AbstractFastRecommender;
import es.uam.eps.ir.ranksys.rec.fast.basic.PopularityRecommender;
import org.jooq.lambda.tuple.Tuple;
import org.ranksys.core.util.tuples.Tuple2id;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Runner protocol 1 (docs/runner-protocol.md) for RankSys 0.4.3: ItemKNN, UserKNN (vector cosine with
 * alpha 0.5, as RankSys' examples), iALS (HKV factorizer) and PopularityRecommender. Reusable across trials.
 * Exits at the end of stdin, so it dies with its worker.
 */
public final class RankSysRunnerMain {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private FastPreferenceData<Integer, Integer> data;
    private SimpleFastUserIndex<Integer> users;
    private SimpleFastItemIndex<Integer> items;
    private int[][] seen;
    private AbstractFastRecommender<Integer, Integer> rec;

    private RankSysRunnerMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        PrintStream protocol = System.out;
        System.setOut(System.err); // a library's prints must never reach the protocol channel
        new RankSysRunnerMain(protocol).run();
        System.exit(0);
    }

    private static Map<String, Object> param(String type, Object def, Object min) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("default", def);
        if (min != null) p.put("min", min);
        return p;
    }

    private void run() throws IOException {
        Map<String, Object> algos = new LinkedHashMap<>();
        algos.put("ItemKNN", Map.of("params", Map.of("k", param("int", 50, 1))));
        algos.put("UserKNN", Map.of("params", Map.of("k", param("int", 50, 1))));
        algos.put("iALS", Map.of("params", Map.of("factors", param("int", 64, 1), "iterations", param("int", 15, 1),
                "reg", param("float", 0.1, 0), "alpha", param("float", 1.0, 0))));
        algos.put("PopularityRecommender", Map.of("params", Map.of()));
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("type", "hello");
        hello.put("protocol", 1);
        hello.put("framework", Map.of("name", "ranksys", "version", "0.4.3"));
        hello.put("algorithms", algos);
        hello.put("reuse", true);
        send(JSON.valueToTree(hello));
        // stdin is read on its own thread so that its end (the worker died, even with kill -9) ends this JVM
        // at once, also in the middle of a fit
        java.util.concurrent.BlockingQueue<String> requests = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String l; (l = in.readLine()) != null; ) requests.add(l);
            } catch (IOException ignored) {
                // same as the end of stdin
            }
            System.err.println("end of stdin: exiting");
            Runtime.getRuntime().halt(0);
        }, "stdin");
        reader.setDaemon(true);
        reader.start();
        while (true) {
            String line;
            try {
                line = requests.take();
            } catch (InterruptedException e) {
                return;
            }
            JsonNode m = JSON.readTree(line);
            String type = m.path("type").asText();
            long id = m.path("id").asLong();
            if (type.equals("stop")) return;
            try {
                ObjectNode reply = JSON.createObjectNode().put("id", id);
                switch (type) {
                    case "fit" -> {
                        long t0 = System.nanoTime();
                        fit(m);
                        System.err.printf("fit %s in %.3f s%n", m.path("algorithm").asText(), (System.nanoTime() - t0) / 1e9);
                        reply.put("type", "fitted");
                    }
                    case "predict" -> reply.put("type", "predicted").put("rows", predict(m));
                    default -> throw new IllegalArgumentException("unknown message type '" + type + "'");
                }
                send(reply);
            } catch (RuntimeException e) {
                e.printStackTrace(System.err);
                send(JSON.createObjectNode().put("type", "error").put("id", id).put("message", String.valueOf(e)));
            }
        }
    }

    private void send(JsonNode n) throws IOException {
        out.print(JSON.writeValueAsString(n) + "\n");
        out.flush();
    }

    private void fit(JsonNode m) {
        int nu = m.path("users").asInt(), ni = m.path("items").asInt();
        List<int[]> pairs = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(Path.of(m.path("train").asText()))) {
            for (String l; (l = r.readLine()) != null; ) {
                int t1 = l.indexOf('\t'), t2 = l.indexOf('\t', t1 + 1);
                pairs.add(new int[]{Integer.parseInt(l, 0, t1, 10), Integer.parseInt(l, t1 + 1, t2, 10)});
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read train file: " + e.getMessage(), e);
        }
        users = SimpleFastUserIndex.load(IntStream.range(0, nu).boxed());
        items = SimpleFastItemIndex.load(IntStream.range(0, ni).boxed());
        data = SimpleFastPreferenceData.load(pairs.stream().map(p -> Tuple.tuple(p[0], p[1], 1.0)), users, items);
        int[] counts = new int[nu];
        for (int[] p : pairs) counts[p[0]]++;
        seen = new int[nu][];
        for (int u = 0; u < nu; u++) seen[u] = new int[counts[u]];
        int[] fill = new int[nu];
        for (int[] p : pairs) seen[p[0]][fill[p[0]]++] = p[1];
        for (int[] s : seen) Arrays.sort(s);
        JsonNode c = m.path("config");
        rec = switch (m.path("algorithm").asText()) {
            case "ItemKNN" -> new ItemNeighborhoodRecommender<>(data, new CachedItemNeighborhood<>(
                    new TopKItemNeighborhood<>(new VectorCosineItemSimilarity<>(data, 0.5, true), c.path("k").asInt(50))), 1);
            case "UserKNN" -> new UserNeighborhoodRecommender<>(data, new TopKUserNeighborhood<>(
                    new VectorCosineUserSimilarity<>(data, 0.5, true), c.path("k").asInt(50)), 1);
            case "iALS" -> {
                double alpha = c.path("alpha").asDouble(1.0);
                Factorization<Integer, Integer> f = new HKVFactorizer<Integer, Integer>(c.path("reg").asDouble(0.1),
                        x -> 1 + alpha * x, c.path("iterations").asInt(15)).factorize(c.path("factors").asInt(64), data);
                yield new MFRecommender<>(users, items, f);
            }
            case "PopularityRecommender" -> new PopularityRecommender<>(data);
            default -> throw new IllegalArgumentException("unknown algorithm '" + m.path("algorithm").asText() + "'");
        };
    }

    private long predict(JsonNode m) {
        if (rec == null) throw new IllegalStateException("predict before fit");
        int k = m.path("k").asInt();
        int[] forUsers;
        try {
            forUsers = Files.readAllLines(Path.of(m.path("users").asText())).stream()
                    .filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read users file: " + e.getMessage(), e);
        }
        FastRecommendation[] lists = new FastRecommendation[forUsers.length];
        IntStream.range(0, forUsers.length).parallel().forEach(r -> {
            int u = forUsers[r];
            int[] s = u < seen.length ? seen[u] : new int[0];
            lists[r] = rec.getRecommendation(u, k, i -> Arrays.binarySearch(s, i) < 0);
        });
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(m.path("output").asText()), StandardCharsets.US_ASCII)) {
            StringBuilder sb = new StringBuilder(64);
            for (int r = 0; r < lists.length; r++)
                for (Tuple2id t : lists[r].getIidxs()) {
                    sb.setLength(0);
                    sb.append(forUsers[r]).append('\t').append(t.v1).append('\t').append((float) t.v2).append('\n');
                    w.append(sb);
                    rows++;
                }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write predictions: " + e.getMessage(), e);
        }
        return rows;
    }
}
