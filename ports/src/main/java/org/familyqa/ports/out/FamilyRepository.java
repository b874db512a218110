package org.familyqa.ports.out;

import java.util.List;
import java.util.Optional;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.mqtt.TopicPrefix;

/**
 * Stored families and the hashes of their API tokens.
 *
 * @since 0.1.0
 */
public interface FamilyRepository {

    /**
     * Stores a new family with the hash of its API token.
     *
     * @throws DuplicateKeyException     with field {@code topic_slug} if another family has the same prefix, or
     *                                   {@code family_id} if the id is taken; nothing is stored then
     * @throws StoreUnavailableException if the store failed
     */
    void add(Family family, PasswordHash tokenHash);

    /** Finds a family by id. */
    Optional<Family> findById(FamilyId id);

    /** Finds the family that owns a topic prefix. */
    Optional<Family> findByTopicPrefix(TopicPrefix prefix);

    /** Returns the hash of the family's API token, if the family exists. */
    Optional<PasswordHash> findTokenHash(FamilyId id);

    /**
     * Lists families in ascending id order, as a page that starts after {@code after}. With the time-ordered ids
     * that the server generates, that is creation order. Ids compare as unsigned 128-bit numbers, as in
     * {@link QuestionCursor}.
     *
     * @param after the last family of the previous page, or empty for the first page
     * @param limit the maximum number of families, 1 to 1000
     */
    List<Family> list(Optional<FamilyId> after, int limit);
}
