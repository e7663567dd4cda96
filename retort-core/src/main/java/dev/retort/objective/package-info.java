/**
 * Objectives: {@link dev.retort.objective.CommandObjective} runs any program per trial (argv templating,
 * {@code RETORT_*} environment, logs and a JSON result in the trial directory, process-tree kill on timeout
 * or interruption); {@link dev.retort.objective.ObjectiveLoader} finds Java objectives by class name.
 */
package dev.retort.objective;
