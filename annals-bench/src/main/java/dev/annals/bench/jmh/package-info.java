/**
 * JMH microbenchmarks of the hot paths: event serialization, the decider fold and the checks every
 * append passes before the group-commit writer takes it. Run them with
 * {@code java -cp annals-cli/target/annals.jar org.openjdk.jmh.Main 'dev.annals.bench.jmh'} (see
 * docs/benchmarks.md).
 */
package dev.annals.bench.jmh;
