/**
 * Campaigns: a named list of faults on a timeline, read from YAML by {@link
 * dev.trimtab.faults.campaign.CampaignLoader} (format in {@code docs/formats/faults.md}) and bound
 * at the edge into validated {@link dev.trimtab.faults.spec.FaultSpec} records.
 */
package dev.trimtab.faults.campaign;
