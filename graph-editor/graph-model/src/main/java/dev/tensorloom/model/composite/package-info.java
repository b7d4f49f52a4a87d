/**
 * Composite blocks: a group of nodes saved as a reusable block type. Kept out of the catalog package
 * because a composite's shape rule and estimator run {@link dev.tensorloom.model.validate.ShapeInference}
 * and {@link dev.tensorloom.model.estimate.Estimates}, which themselves depend on the catalog.
 */
package dev.tensorloom.model.composite;
