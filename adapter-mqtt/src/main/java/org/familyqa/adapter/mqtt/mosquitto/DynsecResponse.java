package org.familyqa.adapter.mqtt.mosquitto;

import java.util.Optional;
import java.util.Set;

import org.familyqa.ports.out.BrokerUnavailableException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The plugin's response to one command: its error text if it failed, and its {@code data} if it returns any.
 *
 * @param command the command as sent, without passwords in {@link #describe(ObjectNode)}
 * @param error   the plugin's error text, such as {@code Client already exists}, or {@code null} on success
 * @param data    the {@code data} object of a read command, or a missing node
 */
record DynsecResponse(ObjectNode command, String error, JsonNode data) {

    static final String CLIENT_EXISTS = "Client already exists";
    static final String CLIENT_NOT_FOUND = "Client not found";
    static final String ROLE_EXISTS = "Role already exists";
    static final String ACL_EXISTS = "ACL with this topic already exists";

    static DynsecResponse of(ObjectNode command, JsonNode response) {
        JsonNode error = response.get("error");
        return new DynsecResponse(command, error == null ? null : error.asText(), response.path("data"));
    }

    boolean failed() {
        return error != null;
    }

    Optional<String> errorText() {
        return Optional.ofNullable(error);
    }

    /**
     * Throws unless the command succeeded or failed with one of {@code accepted}, which mean the wanted state holds.
     *
     * @throws BrokerUnavailableException naming the command and the plugin's error text
     */
    DynsecResponse requireSuccess(Set<String> accepted) {
        if (error != null && !accepted.contains(error)) {
            throw new BrokerUnavailableException("Mosquitto rejected the dynamic security command " + describe(command)
                    + ": " + error);
        }
        return this;
    }

    DynsecResponse requireSuccess() {
        return requireSuccess(Set.of());
    }

    /** Returns the command's name and its subject, such as {@code createClient fam-abc}, never its password. */
    static String describe(ObjectNode command) {
        String name = command.path("command").asText("?");
        for (String subject : new String[] {"username", "rolename", "groupname"}) {
            if (command.hasNonNull(subject)) {
                return name + " " + command.get(subject).asText();
            }
        }
        return name;
    }
}
