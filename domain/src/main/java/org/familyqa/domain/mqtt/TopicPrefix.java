package org.familyqa.domain.mqtt;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.ValidationException;
import org.familyqa.domain.family.FamilyId;

/**
 * A family's MQTT topic prefix, {@code family/<slug>}, where the slug is one topic level of 3 to 64 characters from
 * {@code [a-z0-9-]} starting with a letter or digit.
 *
 * <p>Because the slug is exactly one level and contains no {@code /}, {@code +}, {@code #} or {@code $}, no prefix is
 * the start of another family's topics: topics are compared level by level, so {@code family/abc} never matches
 * {@code family/abcd/ask}.
 */
public record TopicPrefix(String slug) {

    public static final String ROOT = "family";
    public static final String FIELD = "topic_slug";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    public TopicPrefix {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new ValidationException(ErrorCode.INVALID_FIELD, FIELD, FIELD
                    + " must be 3 to 64 characters of a-z, 0-9 and '-', starting with a letter or digit.");
        }
    }

    /** Returns the default prefix of a family: its id as the slug. */
    public static TopicPrefix ofFamily(FamilyId familyId) {
        return new TopicPrefix(Objects.requireNonNull(familyId, "familyId").value().toString());
    }

    /** Returns whether {@code slug} is a valid slug, without throwing. */
    public static boolean isValidSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    /**
     * Reads the prefix of a topic name such as {@code family/abc/ask}.
     *
     * @return the prefix, or empty if the topic does not start with {@code family/} and a valid slug level
     */
    public static Optional<TopicPrefix> ofTopic(String topic) {
        if (topic == null || !topic.startsWith(ROOT + "/")) {
            return Optional.empty();
        }
        int start = ROOT.length() + 1;
        int end = topic.indexOf('/', start);
        String slug = end < 0 ? topic.substring(start) : topic.substring(start, end);
        return isValidSlug(slug) ? Optional.of(new TopicPrefix(slug)) : Optional.empty();
    }

    /** Returns the prefix as a topic: {@code family/<slug>}. */
    public String value() {
        return ROOT + "/" + slug;
    }

    /** Returns the topic {@code family/<slug>/<subtopic>}. */
    public String topic(FamilyTopic subtopic) {
        return value() + "/" + subtopic.level();
    }

    @Override
    public String toString() {
        return value();
    }
}
