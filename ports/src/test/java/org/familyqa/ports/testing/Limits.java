package org.familyqa.ports.testing;

/** Argument checks shared by the in-memory ports. */
final class Limits {

    private Limits() {
    }

    static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", not " + value);
        }
    }
}
