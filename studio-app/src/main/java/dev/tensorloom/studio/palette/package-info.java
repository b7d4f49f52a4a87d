/** The searchable block palette: view and view model. May use the canvas (drag format) and graph-model. */
package dev.tensorloom.studio.palette;
