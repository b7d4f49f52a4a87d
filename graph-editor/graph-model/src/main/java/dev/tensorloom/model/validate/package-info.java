/**
 * Checking a document: {@link dev.tensorloom.model.validate.ShapeInference} (whole, incremental, or one
 * candidate wire) and the {@link dev.tensorloom.model.validate.Validator}, whose
 * {@link dev.tensorloom.model.validate.Validator#requireValid} is the one check before anything runs a document.
 *
 * <p>May use {@code doc}, {@code catalog}, {@code shape} and the root package.
 */
package dev.tensorloom.model.validate;
