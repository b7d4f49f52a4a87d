package dev.tensorloom.execution.checkpoint;

import java.util.Random;

/** Seeded random plan graphs made of chain links, residual blocks and diamonds. */
final class RandomPlanGraphs {

    private RandomPlanGraphs() {
    }

    static PlanGraph blocks(Random random, int blocks) {
        PlanGraph.Builder b = PlanGraph.builder();
        int last = add(b, random);
        for (int i = 0; i < blocks; i++) {
            switch (random.nextInt(3)) {
                case 0: {
                    int n = add(b, random);
                    b.edge(last, n);
                    last = n;
                    break;
                }
                case 1: { // residual: last -> x -> y, last -> y
                    int x = add(b, random);
                    int y = add(b, random);
                    b.edge(last, x).edge(x, y).edge(last, y);
                    last = y;
                    break;
                }
                default: { // diamond: last -> x, last -> y, x -> z, y -> z
                    int x = add(b, random);
                    int y = add(b, random);
                    int z = add(b, random);
                    b.edge(last, x).edge(last, y).edge(x, z).edge(y, z);
                    last = z;
                    break;
                }
            }
        }
        return b.build();
    }

    /** Any connected DAG: a random spanning link per node plus extra forward edges. */
    static PlanGraph arbitrary(Random random, int nodes, double extraEdgeChance) {
        PlanGraph.Builder b = PlanGraph.builder();
        for (int i = 0; i < nodes; i++) {
            add(b, random);
            if (i > 0) {
                b.edge(random.nextInt(i), i);
            }
        }
        for (int u = 0; u < nodes; u++) {
            for (int v = u + 1; v < nodes; v++) {
                if (random.nextDouble() < extraEdgeChance) {
                    b.edge(u, v);
                }
            }
        }
        return b.build();
    }

    private static int add(PlanGraph.Builder b, Random random) {
        return b.add("n" + random.nextInt(1_000_000), random.nextInt(101), random.nextInt(31), 1 + random.nextInt(50));
    }
}
