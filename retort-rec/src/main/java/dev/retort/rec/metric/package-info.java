/**
 * Offline evaluation of recommendations: ranking metrics at cut-offs (NDCG, HR, precision, recall, MAP, MRR,
 * catalog coverage) and rating errors (RMSE, MAE). {@link dev.retort.rec.metric.Evaluator} reads ranked lists
 * through {@link dev.retort.rec.metric.RankedLists}, ground truth through {@link dev.retort.rec.metric.Relevance},
 * and computes every requested metric at every cut-off in one pass over the lists. Exact definitions and
 * conventions are in {@code docs/metrics.md}.
 */
package dev.retort.rec.metric;
