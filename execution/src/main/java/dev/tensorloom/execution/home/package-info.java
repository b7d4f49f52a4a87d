/** Where the user's Tensorloom data lives, shared by the command line and the studio. */
package dev.tensorloom.execution.home;
