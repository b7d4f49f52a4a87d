/** The template gallery: cards with a picture of each graph. May use the templates, graph-model and {@code task}. */
package dev.tensorloom.studio.gallery;
