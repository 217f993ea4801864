/**
 * Power, energy and carbon models the simulator calls every control interval: GPU latency and power
 * under SM frequency scaling ({@link dev.trimtab.env.power.GpuDvfsModel}, fitted to measured V100
 * data), CPU power from utilisation ({@link dev.trimtab.env.power.CpuPowerModel}), exact
 * integration of piecewise-constant power ({@link dev.trimtab.env.power.EnergyMeter}) and grid
 * carbon intensity over simulated time ({@link dev.trimtab.env.power.CarbonIntensity}).
 *
 * <p>Units are in every name: MHz, W, J, kWh, seconds of simulated time, gCO2/kWh, grams. The model
 * functions are pure and allocate nothing, so they are safe on the simulator's hot path and from
 * any thread. See {@code docs/power.md} for the fits, their errors and their limits.
 */
package dev.trimtab.env.power;
