package dev.tensorloom.studio.archfixture.cycle.a;

import dev.tensorloom.studio.archfixture.cycle.b.UsesA;

/** Half of a package cycle: uses package {@code b}, which uses this one. */
public final class UsesB {
    public UsesA other;
}
