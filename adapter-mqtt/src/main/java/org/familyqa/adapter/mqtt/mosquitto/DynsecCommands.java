package org.familyqa.adapter.mqtt.mosquitto;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the JSON commands of Mosquitto's dynamic security plugin (the {@code v1} command set of Mosquitto 2.0). */
final class DynsecCommands {

    /** One ACL entry of a role; {@code allow} is always true because the default access denies everything. */
    record Acl(String type, String topic) {
        static final String PUBLISH_SEND = "publishClientSend";
        static final String PUBLISH_RECEIVE = "publishClientReceive";
        static final String SUBSCRIBE = "subscribePattern";
        static final String UNSUBSCRIBE = "unsubscribePattern";
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DynsecCommands() {
    }

    /** Denies all four kinds of access that no role grants, so that a new client can do nothing. */
    static ObjectNode denyByDefault() {
        ArrayNode acls = NODES.arrayNode();
        for (String type : List.of(Acl.PUBLISH_SEND, Acl.PUBLISH_RECEIVE, "subscribe", "unsubscribe")) {
            acls.addObject().put("acltype", type).put("allow", false);
        }
        ObjectNode command = command("setDefaultACLAccess");
        command.set("acls", acls);
        return command;
    }

    static ObjectNode createRole(String role, List<Acl> acls) {
        ArrayNode array = NODES.arrayNode();
        acls.forEach(acl -> array.addObject().put("acltype", acl.type()).put("topic", acl.topic()).put("allow", true));
        ObjectNode command = command("createRole").put("rolename", role);
        command.set("acls", array);
        return command;
    }

    static ObjectNode addRoleAcl(String role, Acl acl) {
        return command("addRoleACL").put("rolename", role).put("acltype", acl.type()).put("topic", acl.topic())
                .put("allow", true);
    }

    static ObjectNode createClient(String username, String password, String role) {
        ObjectNode command = command("createClient").put("username", username).put("password", password);
        command.putArray("roles").addObject().put("rolename", role);
        return command;
    }

    static ObjectNode getClient(String username) {
        return command("getClient").put("username", username);
    }

    static ObjectNode listClients() {
        return command("listClients").put("verbose", true).put("count", -1).put("offset", 0);
    }

    static ObjectNode setClientPassword(String username, String password) {
        return command("setClientPassword").put("username", username).put("password", password);
    }

    static ObjectNode addClientRole(String username, String role) {
        return command("addClientRole").put("username", username).put("rolename", role);
    }

    static ObjectNode enableClient(String username) {
        return command("enableClient").put("username", username);
    }

    static ObjectNode disableClient(String username) {
        return command("disableClient").put("username", username);
    }

    private static ObjectNode command(String name) {
        return NODES.objectNode().put("command", name);
    }
}
