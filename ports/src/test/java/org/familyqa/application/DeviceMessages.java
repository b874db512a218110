package org.familyqa.application;

import java.util.HashMap;
import java.util.Map;

import org.familyqa.domain.message.FieldValue;
import org.familyqa.domain.mqtt.DeviceTopic;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.ports.in.DeviceMessage;

/** Device messages for tests, built from string fields. */
final class DeviceMessages {

    private DeviceMessages() {
    }

    /** Returns a message on {@code <prefix>/ask} with the given string fields, as name-value pairs. */
    static DeviceMessage ask(TopicPrefix prefix, String... namesAndValues) {
        return message(new DeviceTopic(prefix, FamilyTopic.ASK), namesAndValues);
    }

    /** Returns a message on {@code <prefix>/respond} with the given string fields, as name-value pairs. */
    static DeviceMessage respond(TopicPrefix prefix, String... namesAndValues) {
        return message(new DeviceTopic(prefix, FamilyTopic.RESPOND), namesAndValues);
    }

    private static DeviceMessage message(DeviceTopic topic, String... namesAndValues) {
        Map<String, FieldValue> fields = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], new FieldValue.Text(namesAndValues[i + 1]));
        }
        return new DeviceMessage(topic, new DeviceMessage.Fields(fields));
    }
}
