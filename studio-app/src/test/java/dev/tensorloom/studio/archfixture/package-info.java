/**
 * Deliberately broken examples for {@code ArchitectureRulesTest}: each breaks one architecture rule, so the
 * test can show that the rule fails. Test sources only; the real check never sees them.
 */
package dev.tensorloom.studio.archfixture;
