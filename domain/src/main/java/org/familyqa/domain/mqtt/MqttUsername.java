package org.familyqa.domain.mqtt;

import java.util.regex.Pattern;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.ValidationException;

/**
 * Broker username of a family's account: {@code fam-} followed by the family's topic slug.
 *
 * <p>The fixed {@code fam-} start keeps family usernames apart from the server's and the broker administrator's
 * accounts, whose names must not start with it. Deriving the rest from the slug makes the username unique because
 * the slug is.
 */
public record MqttUsername(String value) {

    public static final String FAMILY_PREFIX = "fam-";

    private static final Pattern PATTERN = Pattern.compile("fam-[a-z0-9][a-z0-9-]{2,63}");

    public MqttUsername {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new ValidationException(ErrorCode.INVALID_FIELD, "username",
                    "username must be 'fam-' followed by a topic slug of 3 to 64 characters of a-z, 0-9 and '-'.");
        }
    }

    /** Returns the username that belongs to a family's topic prefix. */
    public static MqttUsername forPrefix(TopicPrefix prefix) {
        return new MqttUsername(FAMILY_PREFIX + prefix.slug());
    }

    /** Returns whether a name is shaped like a family's username, without throwing. */
    public static boolean isFamilyUsername(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }

    /** Returns the topic prefix this username belongs to. */
    public TopicPrefix prefix() {
        return new TopicPrefix(value.substring(FAMILY_PREFIX.length()));
    }

    @Override
    public String toString() {
        return value;
    }
}
