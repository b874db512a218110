/**
 * The core's implementation of the {@link org.familyqa.ports.in use cases}, built on the
 * {@link org.familyqa.ports.out driven ports}.
 *
 * <p>{@link org.familyqa.application.CoreServices#builder()} wires every service from the ports an application
 * provides. The services are safe to call from many threads. They depend only on the JDK and the domain, and log
 * through {@link java.lang.System.Logger}, which the application routes to its logging library.
 *
 * @since 0.1.0
 */
package org.familyqa.application;
