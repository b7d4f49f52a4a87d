package dev.tensorloom.execution.compile;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;

/**
 * A document compiled for execution: steps in topological order with their producers resolved to
 * step indices, which steps read the dataset, which produce the loss (their sum is minimised), and the
 * device to run on.
 */
public final class Plan {
    private final List<Step> steps;
    private final Device device;
    private final List<List<int[]>> consumers;

    Plan(List<Step> steps, Device device) {
        this.steps = List.copyOf(steps);
        this.device = device;
        List<List<int[]>> c = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            c.add(new ArrayList<>());
        }
        for (Step s : steps) {
            for (int port = 0; port < s.inputs().size(); port++) {
                final int p = port;
                s.inputs().get(port).ifPresent(ref -> c.get(ref.step()).add(new int[] {s.index(), p}));
            }
        }
        this.consumers = c.stream().map(List::copyOf).toList();
    }

    public List<Step> steps() {
        return steps;
    }

    public Step step(int index) {
        return steps.get(index);
    }

    public int size() {
        return steps.size();
    }

    public Device device() {
        return device;
    }

    public List<Step> sourceSteps() {
        return steps.stream().filter(Step::isSource).toList();
    }

    public List<Step> lossSteps() {
        return steps.stream().filter(Step::isLoss).toList();
    }

    /** The step index of a node id, or -1. */
    public int indexOf(String nodeId) {
        for (Step s : steps) {
            if (s.nodeId().equals(nodeId)) {
                return s.index();
            }
        }
        return -1;
    }

    /** Every (consumer step, input port) fed by any output of step {@code index}, in step order. */
    public List<int[]> consumers(int index) {
        return consumers.get(index);
    }

    /** Distinct consumer steps of step {@code index}. */
    public int[] consumerSteps(int index) {
        return consumers.get(index).stream().mapToInt(c -> c[0]).distinct().toArray();
    }
}
