/**
 * The graph document: nodes, wires, block catalog, validation, commands and project files. This root
 * holds the user-error convention every module follows: {@link dev.tensorloom.model.UserError} with a
 * {@link dev.tensorloom.model.UserLocation}. No JavaFX, no DJL (ArchUnit checks it).
 */
package dev.tensorloom.model;
