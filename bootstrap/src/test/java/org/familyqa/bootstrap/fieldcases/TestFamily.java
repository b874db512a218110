package org.familyqa.bootstrap.fieldcases;

/**
 * A family created through the HTTP API with MQTT enabled.
 *
 * @param id       the family id
 * @param token    the family's API token
 * @param prefix   the topic prefix, such as {@code family/<slug>}
 * @param username the broker username
 * @param password the broker password
 */
record TestFamily(String id, String token, String prefix, String username, String password) {

    String topic(String level) {
        return prefix + "/" + level;
    }
}
