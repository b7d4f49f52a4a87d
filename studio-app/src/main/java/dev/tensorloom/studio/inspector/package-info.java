/** The inspector of the selected nodes' parameters: view and view model. May use graph-model. */
package dev.tensorloom.studio.inspector;
