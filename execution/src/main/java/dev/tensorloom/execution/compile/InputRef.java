package dev.tensorloom.execution.compile;

/** Where one input of a step comes from: output {@code output} (port order) of step {@code step}. */
public record InputRef(int step, int output) {
}
