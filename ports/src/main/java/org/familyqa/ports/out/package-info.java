/**
 * Driven ports: what the core needs from infrastructure. An adapter implements one or more of these and proves it
 * by running the matching contract suite from this module's test jar ({@code *Contract} classes).
 *
 * <p>Implementations must be safe to call from many threads at once. Infrastructure failures surface as
 * {@link org.familyqa.ports.out.StoreUnavailableException} or
 * {@link org.familyqa.ports.out.BrokerUnavailableException}, never as driver exceptions.
 *
 * @since 0.1.0
 */
package org.familyqa.ports.out;
