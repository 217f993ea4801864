/**
 * Scoring rankings against labels: top-1 and top-3 of the culprit, precision and recall of the
 * critical flag, per application and fault kind, side by side with two baselines.
 */
package dev.trimtab.rca.eval;
