package dev.tensorloom.studio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.execution.checkpoint.ChainAction;
import dev.tensorloom.execution.checkpoint.ChainSchedule;
import dev.tensorloom.execution.checkpoint.RevolveFormula;
import dev.tensorloom.execution.checkpoint.RevolvePlanner;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tensorloom plan}: the optimal (Revolve) checkpoint schedule for a chain of L steps with S slots. */
@Command(name = "plan", description = "Plan the optimal binomial (Revolve) checkpoint schedule for a chain.")
final class PlanCommand implements Callable<Integer> {
    private static final int MAX_STEPS = 100_000;

    @Option(names = "--chain", required = true, paramLabel = "L", description = "Number of steps in the chain.")
    int chain;

    @Option(names = "--slots", required = true, paramLabel = "S",
            description = "Checkpoint slots; the chain input counts as one.")
    int slots;

    @Option(names = "--json", description = "Print machine-readable JSON.")
    boolean json;

    @Option(names = "--actions", description = "Also print the schedule, one action per line (or as a JSON array).")
    boolean actions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (chain < 1 || chain > MAX_STEPS) {
            throw new IllegalArgumentException("--chain must be between 1 and " + MAX_STEPS + ", got " + chain);
        }
        if (slots < 1) {
            throw new IllegalArgumentException("--slots must be at least 1, got " + slots);
        }
        ChainSchedule schedule = RevolvePlanner.plan(chain, slots);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("chain", chain);
            root.put("slots", slots);
            root.put("advances", schedule.advances());
            root.put("formulaAdvances", RevolveFormula.minAdvances(chain, slots));
            root.put("peakSlots", schedule.peakSlots());
            root.put("forwardEvaluations", schedule.advances() + chain);
            if (actions) {
                ArrayNode list = root.putArray("actions");
                for (ChainAction a : schedule.actions()) {
                    ObjectNode n = list.addObject();
                    n.put("kind", a.kind().name());
                    n.put("state", a.state());
                    if (a.toState() >= 0) {
                        n.put("toState", a.toState());
                    }
                    if (a.slot() >= 0) {
                        n.put("slot", a.slot());
                    }
                }
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.printf("chain of %d steps, %d slots (input included)%n", chain, slots);
            out.printf("advances (extra untaped forward steps): %d%n", schedule.advances());
            out.printf("forward evaluations in all:             %d (%.2f per step)%n", schedule.advances() + chain,
                    (schedule.advances() + chain) / (double) chain);
            out.printf("peak slots used:                        %d%n", schedule.peakSlots());
            if (actions) {
                for (ChainAction a : schedule.actions()) {
                    out.println("  " + a);
                }
            }
        }
        return TensorloomCli.OK;
    }
}
