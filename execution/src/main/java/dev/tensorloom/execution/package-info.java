/** Compiles documents into DJL plans and runs them node by node. */
package dev.tensorloom.execution;
