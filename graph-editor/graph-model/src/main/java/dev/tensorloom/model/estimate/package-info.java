/**
 * Cost estimates per node for a batch: parameters, FLOPs and activation bytes, from the inferred shapes.
 *
 * <p>May use {@code doc}, {@code catalog} and {@code validate}.
 */
package dev.tensorloom.model.estimate;
