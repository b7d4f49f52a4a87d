/**
 * The studio and the command line: {@link dev.tensorloom.studio.Main} starts one or the other.
 *
 * <p>May use every sub-package; no sub-package uses it (ArchUnit checks that studio packages form no cycle).
 */
package dev.tensorloom.studio;
