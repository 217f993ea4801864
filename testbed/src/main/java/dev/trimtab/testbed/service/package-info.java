/**
 * The generic testbed service: one Spring Boot application that serves any service of a Trimtab
 * topology for real. Calls arrive at {@code GET /trimtab/call/{endpoint}/{node}}, where {@code
 * node} is the call's position in the endpoint's call tree (pre-order, root 0); the service runs
 * the operation's CPU burst on a bounded worker pool sized to its CPU limit, touches its working
 * set, then makes the node's downstream calls step by step (the calls of a {@code parallel} step at
 * once), exactly as the simulator's semantics say (docs/testbed.md).
 */
package dev.trimtab.testbed.service;
