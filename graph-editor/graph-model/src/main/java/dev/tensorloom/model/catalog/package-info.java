/**
 * The block catalog: block types with their ports, parameter specs (types, ranges, choices) and shape
 * rules, and the context a rule runs in.
 *
 * <p>May use {@code shape}.
 */
package dev.tensorloom.model.catalog;
