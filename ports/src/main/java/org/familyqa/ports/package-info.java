/**
 * The core's boundary: {@link org.familyqa.ports.in use cases} that adapters drive, and
 * {@link org.familyqa.ports.out ports} that adapters implement.
 *
 * <p>Every type here depends only on the JDK and the domain module. Unless a type says otherwise, parameters and
 * return values are never {@code null}; absent values are {@link java.util.Optional}. Times are UTC
 * {@link java.time.Instant}s truncated to microseconds, the precision the databases keep.
 *
 * @since 0.1.0
 */
package org.familyqa.ports;
