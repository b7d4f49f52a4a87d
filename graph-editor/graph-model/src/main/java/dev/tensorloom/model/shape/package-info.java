/**
 * The language of shapes: dtypes, symbolic dimensions that unify, tensor types and patterns such as
 * {@code [B, T, 256]}.
 *
 * <p>A leaf: uses nothing else of Tensorloom.
 */
package dev.tensorloom.model.shape;
