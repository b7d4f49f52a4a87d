package dev.tensorloom.execution.session;

/** Metrics of one finished training step ({@code step} counts from 1). */
public record StepMetrics(long step, double loss, double learningRate, double examplesPerSecond) {
}
