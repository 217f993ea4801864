/**
 * The controllers users already run, rebuilt on {@link dev.trimtab.env.control.Controller} so that
 * every learned policy is judged against them on the same clusters: {@link StaticController} (the
 * initial allocation), {@link HpaController} (Kubernetes' Horizontal Pod Autoscaler, on replicas),
 * {@link VpaController} (the Vertical Pod Autoscaler's recommender, on limits) and {@link
 * AimdController} (FIRM's AIMD heuristic, on limits). {@link Baselines} creates them by name.
 *
 * <p>Each keeps the algorithm and the defaults of its real counterpart; where the simulator forces
 * a difference (no separate requests, no evictions) the class says which and why, and so does
 * {@code docs/baselines.md}.
 */
package dev.trimtab.agents.baselines;
