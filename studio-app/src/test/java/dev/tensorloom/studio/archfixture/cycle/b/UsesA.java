package dev.tensorloom.studio.archfixture.cycle.b;

import dev.tensorloom.studio.archfixture.cycle.a.UsesB;

/** The other half of the package cycle. */
public final class UsesA {
    public UsesB other;
}
