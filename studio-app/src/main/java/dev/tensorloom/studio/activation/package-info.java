/**
 * The activation view: heatmap, histogram and statistics of the watched node, and the pictures of some
 * models (attention, flows, samplers, detections).
 *
 * <p>May use execution's session values, {@code task} and {@code ui}.
 */
package dev.tensorloom.studio.activation;
