/**
 * Saving a training run between steps and continuing it later, exactly: the training-state file and
 * the check that a resumed run is the run that was saved.
 */
package dev.tensorloom.execution.resume;
