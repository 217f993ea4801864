/**
 * The environment API: {@link dev.trimtab.env.api.Env} after Gymnasium and {@link
 * dev.trimtab.env.api.ParallelEnv} after PettingZoo's parallel API.
 *
 * <p>The contracts every env keeps, and that {@code dev.trimtab.env.testkit.EnvChecker} checks:
 *
 * <ul>
 *   <li><b>Seeded reset.</b> The first reset of an env names its seed, {@code reset(seed)}; {@code
 *       reset()} starts the next episode from the stream that seed began (Gymnasium: seed only the
 *       first reset). Same seed and same actions give equal observations, rewards and flags.
 *   <li><b>Two ends.</b> {@code terminated} means the episode reached a true end state (do not
 *       bootstrap); {@code truncated} means it was cut short, by a time limit say (do bootstrap).
 *   <li><b>Order.</b> {@code step} before the first reset, or after a step that returned {@code
 *       terminated} or {@code truncated}, throws {@link java.lang.IllegalStateException}; only a
 *       reset starts the next episode.
 *   <li><b>Stable spaces.</b> Space getters return the same object on every call.
 *   <li><b>Typed info.</b> Extra information travels in a {@link dev.trimtab.env.api.StepInfo}
 *       under typed {@link dev.trimtab.env.api.InfoKey}s, never a string-keyed map of objects.
 * </ul>
 */
package dev.trimtab.env.api;
