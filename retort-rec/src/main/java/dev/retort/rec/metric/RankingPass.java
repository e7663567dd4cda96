package dev.retort.rec.metric;

import dev.retort.BugException;
import dev.retort.RetortException;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One evaluation pass over the ranked lists: maps users to list rows, lets worker threads take fixed chunks
 * of evaluated users, and combines chunk sums in chunk order and coverage minima by item.
 */
final class RankingPass {
    private final RankedLists lists;
    private final Relevance relevance;
    private final CutoffPlan plan;
    private final int catalogSize;
    private final int threads;
    private final boolean keepPerUser;

    RankingPass(RankedLists lists, Relevance relevance, CutoffPlan plan, int catalogSize, int threads,
                boolean keepPerUser) {
        this.lists = lists;
        this.relevance = relevance;
        this.plan = plan;
        this.catalogSize = catalogSize;
        this.threads = threads;
        this.keepPerUser = keepPerUser;
    }

    Evaluator.RankingOutcome run() {
        int[] rowOf = Evaluator.fillMinusOne(relevance.numUsers());
        int excluded = 0, longest = 0, mostRelevant = 0;
        for (int row = 0; row < lists.numUsers(); row++) {
            int u = lists.user(row);
            if (u < 0) throw new BugException("ranked lists: row " + row + " has negative user id " + u);
            longest = Math.max(longest, lists.length(row));
            if (relevance.count(u) == 0) {
                excluded++;
                continue;
            }
            if (rowOf[u] >= 0) throw new BugException("ranked lists: user " + u + " has rows " + rowOf[u] + " and " + row);
            rowOf[u] = row;
        }
        int[] users = Evaluator.usersWithRelevant(relevance);
        for (int u : users) mostRelevant = Math.max(mostRelevant, relevance.count(u));
        int tableLength = Math.min(plan.maxK(), Math.max(longest, mostRelevant));
        int columns = plan.columns().size();
        int chunks = (users.length + Evaluator.CHUNK - 1) / Evaluator.CHUNK;
        double[][] chunkSums = new double[chunks][columns];
        double[] perUser = keepPerUser ? new double[users.length * columns] : null;
        int workers = Math.max(1, Math.min(threads, chunks));
        UserKernel[] kernels = new UserKernel[workers];
        AtomicInteger nextChunk = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] started = new Thread[workers - 1];
        for (int w = 0; w < workers; w++) {
            UserKernel kernel = new UserKernel(lists, relevance, plan, catalogSize, tableLength);
            kernels[w] = kernel;
            Runnable work = () -> {
                try {
                    for (int c; (c = nextChunk.getAndIncrement()) < chunks && failure.get() == null; ) {
                        scoreChunk(kernel, c, users, rowOf, chunkSums[c], perUser);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            };
            if (w < workers - 1) {
                started[w] = new Thread(work, "retort-eval-" + w);
                started[w].setDaemon(true);
                started[w].start();
            } else {
                work.run();   // the calling thread is the last worker
            }
        }
        joinAll(started);
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        if (t != null) throw new BugException("evaluation worker failed", t);

        double[] means = Evaluator.sumInOrder(chunkSums, columns);
        for (int c = 0; c < columns; c++) means[c] = users.length == 0 ? Double.NaN : means[c] / users.length;
        PerUserValues values = keepPerUser ? new PerUserValues(plan.columns(), users, perUser) : null;
        return new Evaluator.RankingOutcome(plan, means, coverage(kernels), users.length, excluded, values);
    }

    private void scoreChunk(UserKernel kernel, int chunk, int[] users, int[] rowOf, double[] sums, double[] perUser) {
        int from = chunk * Evaluator.CHUNK, to = Math.min(users.length, from + Evaluator.CHUNK);
        double[] row = kernel.row;
        for (int i = from; i < to; i++) {
            int u = users[i];
            kernel.score(u, rowOf[u]);
            for (int c = 0; c < row.length; c++) sums[c] += row[c];
            if (perUser != null) System.arraycopy(row, 0, perUser, i * row.length, row.length);
        }
    }

    /** Coverage@k = items whose best rank over all workers is below k, divided by the catalog size. */
    private double[] coverage(UserKernel[] kernels) {
        double[] result = new double[plan.coverage().size()];
        if (result.length == 0) return result;
        int maxK = plan.maxK();
        long[] itemsFirstAtRank = new long[maxK + 1];
        for (int item = 0; item < catalogSize; item++) {
            int best = Integer.MAX_VALUE;
            for (UserKernel k : kernels) best = Math.min(best, k.minRank[item]);
            if (best < maxK) itemsFirstAtRank[best]++;
        }
        for (int i = 0; i < result.length; i++) {
            int k = plan.coverage().get(i).k();
            long distinct = 0;
            for (int r = 0; r < k; r++) distinct += itemsFirstAtRank[r];
            result[i] = (double) distinct / catalogSize;
        }
        return result;
    }

    private static void joinAll(Thread[] threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetortException("evaluation interrupted", e);
            }
        }
    }
}
