/**
 * Tests of failures that MQTT bridges and Java services are known to hit in production: oversized, empty, badly
 * encoded or loosely typed payloads, user strings in topics, handler exceptions, bursts with a locked database,
 * broker restarts, pool exhaustion, concurrent creates and framework error pages. Each runs against both setups.
 */
package org.familyqa.bootstrap.fieldcases;
