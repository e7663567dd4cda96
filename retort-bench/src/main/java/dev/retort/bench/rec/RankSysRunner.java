package dev.retort.bench.rec;

import dev.retort.rec.algo.TopKLists;
import dev.retort.rec.data.Interactions;
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
import org.jooq.lambda.tuple.Tuple;
import org.ranksys.core.util.tuples.Tuple2id;

import java.util.List;
import java.util.stream.IntStream;

/**
 * RankSys 0.4.3 counterparts of Retort's ItemKNN, UserKNN and ALS, fed the same training data (user and item
 * indexes loaded in dense-id order so RankSys indexes equal Retort ids), producing top-k for the given users
 * with training items filtered out, in parallel over users as RankSys' own examples do. Item neighbourhoods are
 * cached (computed once per item, as RankSys' examples do); user neighbourhoods are computed once per user anyway.
 */
final class RankSysRunner {
    private final FastPreferenceData<Integer, Integer> data;
    private final SimpleFastUserIndex<Integer> users;
    private final SimpleFastItemIndex<Integer> items;
    private final int[][] seen;

    RankSysRunner(Interactions train) {
        users = SimpleFastUserIndex.load(IntStream.range(0, train.numUsers()).boxed());
        items = SimpleFastItemIndex.load(IntStream.range(0, train.numItems()).boxed());
        data = SimpleFastPreferenceData.load(IntStream.range(0, train.size())
                .mapToObj(e -> Tuple.tuple(train.user(e), train.item(e), 1.0)), users, items);
        seen = BenchData.relevant(train);
    }

    TopKLists itemKnn(int k, int[] forUsers, int n) {
        var sim = new VectorCosineItemSimilarity<>(data, 0.5, true);
        var rec = new ItemNeighborhoodRecommender<>(data, new CachedItemNeighborhood<>(new TopKItemNeighborhood<>(sim, k)), 1);
        return recommend(rec, forUsers, n);
    }

    TopKLists userKnn(int k, int[] forUsers, int n) {
        var sim = new VectorCosineUserSimilarity<>(data, 0.5, true);
        var rec = new UserNeighborhoodRecommender<>(data, new TopKUserNeighborhood<>(sim, k), 1);
        return recommend(rec, forUsers, n);
    }

    TopKLists als(int factors, double reg, double alpha, int iterations, int[] forUsers, int n) {
        Factorization<Integer, Integer> f = new HKVFactorizer<Integer, Integer>(reg, x -> 1 + alpha * x, iterations)
                .factorize(factors, data);
        return recommend(new MFRecommender<>(users, items, f), forUsers, n);
    }

    private TopKLists recommend(AbstractFastRecommender<Integer, Integer> rec, int[] forUsers, int n) {
        FastRecommendation[] out = new FastRecommendation[forUsers.length];
        IntStream.range(0, forUsers.length).parallel().forEach(r -> {
            int[] s = seen[forUsers[r]];
            out[r] = rec.getRecommendation(forUsers[r], n, i -> java.util.Arrays.binarySearch(s, i) < 0);
        });
        int[] off = new int[forUsers.length + 1];
        for (int r = 0; r < out.length; r++) off[r + 1] = off[r] + out[r].getIidxs().size();
        int[] it = new int[off[out.length]];
        float[] sc = new float[it.length];
        for (int r = 0; r < out.length; r++) {
            List<Tuple2id> l = out[r].getIidxs();
            for (int p = 0; p < l.size(); p++) {
                it[off[r] + p] = l.get(p).v1;
                sc[off[r] + p] = (float) l.get(p).v2;
            }
        }
        return new TopKLists(forUsers.clone(), off, it, sc);
    }
}
