/**
 * Labelled windows of traces: cut from the simulator under fault campaigns (labels from the
 * injector's ground truth), from a dataset folder, or from the Nezha dataset.
 */
package dev.trimtab.rca.data;
