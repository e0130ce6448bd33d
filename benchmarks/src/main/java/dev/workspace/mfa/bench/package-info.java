/**
 * JMH micro-benchmarks of the sign-in hot paths, packaged as {@code target/benchmarks.jar} and run by hand, never by
 * the build. See {@code benchmarks/README.md} for how to build and run them.
 */
package dev.workspace.mfa.bench;
