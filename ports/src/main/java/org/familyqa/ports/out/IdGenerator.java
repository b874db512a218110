package org.familyqa.ports.out;

import java.util.UUID;

/**
 * Source of new ids for families, questions and answers.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface IdGenerator {

    /** Returns a new id, unique for practical purposes. Called from many threads. */
    UUID newId();
}
