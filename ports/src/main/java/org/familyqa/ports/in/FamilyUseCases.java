package org.familyqa.ports.in;

import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.family.FamilyName;
import org.familyqa.domain.mqtt.TopicPrefix;

/**
 * Creating, reading and listing families.
 *
 * @since 0.1.0
 */
public interface FamilyUseCases {

    /**
     * Creates a family with a new API token.
     *
     * @param name       the display name
     * @param topicSlug  the slug of the MQTT topic prefix, or empty to use the family's id
     * @return the family and its token, or {@link org.familyqa.domain.ErrorCode#CONFLICT} on {@code topic_slug} if
     *         another family has the prefix
     */
    Result<CreatedFamily> createFamily(FamilyName name, Optional<TopicPrefix> topicSlug);

    /** Finds a family. */
    Optional<Family> getFamily(FamilyId id);

    /**
     * Lists families in creation order.
     *
     * @param cursor the {@link Page#nextCursor()} of the previous page, or empty for the first page
     * @param limit  1 to 1000
     * @return the page, or {@link org.familyqa.domain.ErrorCode#INVALID_FIELD} on {@code cursor} or {@code limit}
     */
    Result<Page<Family>> listFamilies(Optional<String> cursor, int limit);

    /**
     * A newly created family and its API token.
     *
     * @param family the stored family
     * @param token  the family's API token in plain text; it is shown once and only its hash is stored
     */
    record CreatedFamily(Family family, String token) {
        public CreatedFamily {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "CreatedFamily[family=" + family + ", token=hidden]";
        }
    }
}
