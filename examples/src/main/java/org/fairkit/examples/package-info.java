/**
 * Runnable examples: {@link org.fairkit.examples.QuickStart} audits the seeded synthetic lending data set.
 * The JShell script {@code examples/jshell/explore.jsh} explores the same API interactively.
 */
package org.fairkit.examples;
