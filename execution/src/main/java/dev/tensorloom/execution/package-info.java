/**
 * The DJL side of Tensorloom: compiles documents into plans and trains them node by node. Packages, from
 * the leaves up: {@code checkpoint} (pure planning), {@code memory}, {@code op}, {@code compile},
 * {@code exec}, {@code profile}, {@code recompute}, {@code measure}, {@code data}, {@code train},
 * {@code session}, {@code run}. May use graph-model and DJL; never JavaFX.
 */
package dev.tensorloom.execution;
