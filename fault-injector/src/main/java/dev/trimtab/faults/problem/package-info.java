/**
 * Problems and suites, after AIOpsLab: a problem ({@code docs/formats/problem.md}) composes a
 * topology, a workload, a fault campaign, a task (detection, localization or mitigation), a
 * duration, a control interval and SLO overrides; a suite is a folder of problems. {@link
 * dev.trimtab.faults.problem.ProblemLoader} binds a file into a validated {@link
 * dev.trimtab.faults.problem.Problem}; {@link dev.trimtab.faults.problem.Suites} resolves a bundled
 * suite name or a folder.
 */
package dev.trimtab.faults.problem;
