/**
 * Recommender algorithms on implicit feedback, in pure Java: {@link dev.retort.rec.algo.MostPopular},
 * {@link dev.retort.rec.algo.RandomRecommender}, {@link dev.retort.rec.algo.ItemKnn},
 * {@link dev.retort.rec.algo.UserKnn}, {@link dev.retort.rec.algo.Ease}, {@link dev.retort.rec.algo.Als} and
 * {@link dev.retort.rec.algo.Bpr}, created by name through {@link dev.retort.rec.algo.Algorithms}.
 *
 * <p>All share one contract ({@link dev.retort.rec.algo.Recommender}): training items are excluded, ties go to the
 * lower item id, and results are bit-identical for the same data, parameters and seed whatever the thread count
 * (parallel work is split into fixed chunks that each write only their own outputs). Their output,
 * {@link dev.retort.rec.algo.TopKLists}, has a compact binary form for the trial store and text forms
 * ({@link dev.retort.rec.algo.TopKText}) for people and for trec_eval.
 */
package dev.retort.rec.algo;
