/** The graph document: nodes, wires, block catalog, validation, commands and project files. */
package dev.tensorloom.model;
