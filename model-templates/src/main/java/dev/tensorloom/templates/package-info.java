/** The template gallery: project files with their gallery cards. */
package dev.tensorloom.templates;
