/**
 * Export of a campaign as Chaos Mesh manifests ({@code chaos-mesh.org/v1alpha1}), for users who run
 * the same faults on Kubernetes.
 */
package dev.trimtab.faults.chaosmesh;
