package dev.tensorloom.execution.session.view;

import dev.tensorloom.execution.session.Preview;
import java.util.List;

/**
 * A rectified-flow sampler's trajectory for a few samples: the state at several Euler steps from noise
 * (t = 1) to the sample (t = 0), and a training image of the same class for comparison.
 *
 * @param times  the time of each shown state, 1 down to 0
 * @param labels each sample's class (or -1 when the model is not conditioned on one)
 * @param states per sample, one image per shown time (the first channel, [H, W])
 * @param data   per sample, a training image of its class (first channel)
 */
public record SamplerSteps(long step, double[] times, long[] labels, List<List<Preview>> states, List<Preview> data)
        implements NodeView {
    public SamplerSteps {
        states = states.stream().map(List::copyOf).toList();
        data = List.copyOf(data);
    }
}
