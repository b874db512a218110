/**
 * Use cases: what the core offers to driving adapters (HTTP, MQTT) and to embedding applications.
 *
 * <p>Business outcomes, such as a rejected request or an unknown question, are returned as sealed result types that
 * carry a {@link org.familyqa.domain.Rejection}. Exceptions mean misuse (a null argument) or broken infrastructure
 * ({@link org.familyqa.ports.out.StoreUnavailableException},
 * {@link org.familyqa.ports.out.BrokerUnavailableException}). Implementations are safe to call from many threads.
 *
 * @since 0.1.0
 */
package org.familyqa.ports.in;
