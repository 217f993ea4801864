/**
 * Conformance kit for envs, after Gymnasium's {@code env_checker} and PettingZoo's {@code
 * parallel_test} and {@code seed_test}: {@link dev.trimtab.env.testkit.EnvChecker} and {@link
 * dev.trimtab.env.testkit.ParallelEnvChecker} run an env through seeded episodes and throw {@link
 * dev.trimtab.env.testkit.EnvCheckException} naming the {@link dev.trimtab.env.testkit.EnvRule}
 * that failed. Depend on this module with test scope; it uses no test framework, so any can call
 * it.
 */
package dev.trimtab.env.testkit;
