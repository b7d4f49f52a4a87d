/**
 * The document: a JGraphT DAG of block nodes and wires that fires a {@link dev.tensorloom.model.doc.DocumentChange}
 * per edit, groups, the training configuration, {@link dev.tensorloom.model.doc.PortRef#parse} for
 * {@code node.port}, and {@link dev.tensorloom.model.doc.DocumentBuilder} for documents written in code.
 *
 * <p>May use the root package ({@code UserError}); nothing else of Tensorloom.
 */
package dev.tensorloom.model.doc;
