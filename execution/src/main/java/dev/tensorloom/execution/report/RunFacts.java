package dev.tensorloom.execution.report;

/**
 * What a metrics file says about the run besides its curves.
 *
 * @param project           how the project is named to the user (file as given, or template file name)
 * @param device            the device trained on, as DJL names it ({@code cpu()})
 * @param seed              the seed of initial weights, training batches and held-out examples
 * @param torchThreads      libtorch's intra-op threads, stated beside the wall-clock speed
 * @param stepsPlanned      the steps the run was asked for
 * @param parameters        trainable scalars of the model
 */
public record RunFacts(String project, String device, int batchSize, String checkpointPolicy, long seed,
        int torchThreads, long stepsPlanned, long parameters) {

    /** The same facts with the parameter count, known once the first forward pass created the parameters. */
    public RunFacts withParameters(long count) {
        return new RunFacts(project, device, batchSize, checkpointPolicy, seed, torchThreads, stepsPlanned, count);
    }
}
