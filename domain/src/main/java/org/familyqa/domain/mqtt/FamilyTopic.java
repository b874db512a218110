package org.familyqa.domain.mqtt;

import java.util.Optional;

/** The topics under a family's prefix, and who may publish on each. */
public enum FamilyTopic {
    /** New questions, published by the server. */
    QUESTIONS("questions", false),
    /** New answers, published by the server. */
    ANSWERS("answers", false),
    /** Questions sent by the family's devices. */
    ASK("ask", true),
    /** Answers sent by the family's devices. */
    RESPOND("respond", true),
    /** Why a device's message was rejected, published by the server. */
    ERRORS("errors", false);

    private final String level;
    private final boolean deviceWritable;

    FamilyTopic(String level, boolean deviceWritable) {
        this.level = level;
        this.deviceWritable = deviceWritable;
    }

    /** Returns the topic level after the prefix, such as {@code ask}. */
    public String level() {
        return level;
    }

    /** Returns whether a family's own account may publish on this topic. */
    public boolean deviceWritable() {
        return deviceWritable;
    }

    /** Finds the subtopic named by a topic level. */
    public static Optional<FamilyTopic> ofLevel(String level) {
        for (FamilyTopic topic : values()) {
            if (topic.level.equals(level)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
