/**
 * JMH micro-benchmarks of the sign-in hot paths, and a load benchmark of the people listing against a running server
 * ({@link dev.workspace.mfa.bench.PeopleListingLoad}), packaged as {@code target/benchmarks.jar} and run by hand, never
 * by the build. See {@code benchmarks/README.md} for how to build and run them.
 */
package dev.workspace.mfa.bench;
