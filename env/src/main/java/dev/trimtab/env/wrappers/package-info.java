/**
 * Wrappers and vector envs: behaviour that many envs share, layered on from outside instead of
 * flags inside each env (Gymnasium's wrappers).
 *
 * <p>{@link dev.trimtab.env.wrappers.TimeLimit} cuts episodes ({@code truncated}), {@link
 * dev.trimtab.env.wrappers.NormalizeObservation} standardises Box observations with running
 * statistics, {@link dev.trimtab.env.wrappers.RecordEpisodeStatistics} puts an episode's return and
 * length into the info of its last step; {@code Parallel*} do the same per agent for a {@link
 * dev.trimtab.env.api.ParallelEnv}. {@link dev.trimtab.env.wrappers.SyncVectorEnv} steps several
 * envs in lockstep with same-step autoreset. A wrapper keeps the {@link dev.trimtab.env.api.Env}
 * contract of what it wraps, so the env checker passes on a wrapped env as on a bare one; the one
 * exception is a normalising wrapper that is still updating, whose statistics make one instance's
 * second {@code reset(seed)} differ from its first, as intended.
 */
package dev.trimtab.env.wrappers;
