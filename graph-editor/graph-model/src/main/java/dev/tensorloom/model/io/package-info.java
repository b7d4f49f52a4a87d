/**
 * Project files: located JSON reading (every error names file, line and column), migrations from older
 * format versions, atomic and deterministic writing.
 *
 * <p>May use {@code doc}, the root package and Jackson.
 */
package dev.tensorloom.model.io;
