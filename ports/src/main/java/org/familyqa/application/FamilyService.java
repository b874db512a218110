package org.familyqa.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.familyqa.domain.ValidationException;
import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.family.FamilyName;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.ports.in.FamilyUseCases;
import org.familyqa.ports.in.Page;
import org.familyqa.ports.in.Result;
import org.familyqa.ports.out.DuplicateKeyException;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.out.IdGenerator;

/**
 * Creates, reads and lists families. A new family gets an API token of the form
 * {@code fqa_<family id as 32 hex digits>_<secret>}, of which only a salted hash is stored.
 *
 * @since 0.1.0
 */
public final class FamilyService implements FamilyUseCases {

    /** The largest page {@link #listFamilies} returns. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final FamilyRepository families;
    private final FamilyTokens tokens;
    private final IdGenerator ids;
    private final Clock clock;

    FamilyService(FamilyRepository families, FamilyTokens tokens, IdGenerator ids, Clock clock) {
        this.families = Objects.requireNonNull(families, "families");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates a family with a new id and API token.
     *
     * @return the family and its token, or {@link ErrorCode#CONFLICT} on {@code topic_slug} if another family has
     *         the prefix
     */
    @Override
    public Result<CreatedFamily> createFamily(FamilyName name, Optional<TopicPrefix> topicSlug) {
        FamilyId id = new FamilyId(ids.newId());
        TopicPrefix prefix = topicSlug.orElseGet(() -> TopicPrefix.ofFamily(id));
        Family family = new Family(id, name, prefix, Rejections.now(clock));
        FamilyTokens.Issued token = tokens.issue(id);

        try {
            families.add(family, token.hash());
        } catch (DuplicateKeyException e) {
            if (!TopicPrefix.FIELD.equals(e.field())) {
                throw e;
            }
            return Result.rejected(Rejection.of(ErrorCode.CONFLICT, TopicPrefix.FIELD, "topic_slug '"
                    + prefix.slug() + "' belongs to another family; choose another slug or leave it out."));
        }
        return Result.ok(new CreatedFamily(family, token.token()));
    }

    /** Finds a family by id. */
    @Override
    public Optional<Family> getFamily(FamilyId id) {
        return families.findById(id);
    }

    /**
     * Lists families in creation order, {@code limit} at a time.
     *
     * @return the page, or {@link ErrorCode#INVALID_FIELD} on {@code cursor} or {@code limit}
     */
    @Override
    public Result<Page<Family>> listFamilies(Optional<String> cursor, int limit) {
        Rejection badLimit = Rejections.checkLimit(limit, MAX_PAGE_SIZE);
        if (badLimit != null) {
            return Result.rejected(badLimit);
        }
        Optional<FamilyId> after;
        try {
            after = PageCursors.readFamily(cursor);
        } catch (ValidationException e) {
            return Result.rejected(e.rejection());
        }

        // One extra row tells whether another page follows; at the port's maximum the last page may be empty.
        int fetch = Math.min(limit + 1, MAX_PAGE_SIZE);
        List<Family> found = families.list(after, fetch);
        boolean more = found.size() > limit || (found.size() == limit && fetch == limit);
        List<Family> items = new ArrayList<>(found.subList(0, Math.min(limit, found.size())));
        Optional<String> next = more ? Optional.of(PageCursors.ofFamily(items.get(items.size() - 1).id()))
                : Optional.empty();
        return Result.ok(new Page<>(items, next));
    }
}
