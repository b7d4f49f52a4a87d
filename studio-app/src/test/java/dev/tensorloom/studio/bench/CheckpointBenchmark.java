package dev.tensorloom.studio.bench;

import dev.tensorloom.studio.cli.TensorloomCli;

/**
 * Not a unit test: measures {@code none} against checkpoint policies on a template at full size, each
 * pair in one process run, through {@code tensorloom memory} (peak measured and ledger bytes, step
 * times, recomputations and both ratios). Arguments: template id (default deep-chain), then policies
 * (default sqrt). Run with
 * {@code java -cp studio-app/target/test-classes:studio-app/target/studio-app.jar:studio-app/target/lib/* dev.tensorloom.studio.bench.CheckpointBenchmark}.
 */
public final class CheckpointBenchmark {
    private CheckpointBenchmark() {
    }

    public static void main(String[] args) {
        String template = args.length > 0 ? args[0] : "deep-chain";
        String[] policies = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length) : new String[] {"sqrt"};
        int worst = 0;
        for (String policy : policies) {
            System.out.println("== " + template + ": none vs " + policy);
            int code = TensorloomCli.run("memory", "--template", template, "--checkpoint", policy, "--steps", "3");
            worst = Math.max(worst, code);
        }
        System.exit(worst);
    }
}
