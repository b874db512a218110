package org.familyqa.adapter.postgres;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.ports.out.FamilyRepository;

/** Families through Hibernate. */
final class FamilyRepositoryAdapter implements FamilyRepository {

    static final int MAX_PAGE = 1000;

    private final Database database;

    FamilyRepositoryAdapter(Database database) {
        this.database = database;
    }

    @Override
    public void add(Family family, PasswordHash tokenHash) {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(tokenHash, "tokenHash");
        FamilyEntity entity = EntityMapper.toEntity(family, tokenHash);
        database.inSession("adding family " + family.id(), session -> {
            session.persist(entity);
            session.flush();
            return null;
        });
    }

    @Override
    public Optional<Family> findById(FamilyId id) {
        return database.inSession("finding family " + id, session ->
                Optional.ofNullable(session.find(FamilyEntity.class, id.value())).map(EntityMapper::toDomain));
    }

    @Override
    public Optional<Family> findByTopicPrefix(TopicPrefix prefix) {
        return database.inSession("finding the family of " + prefix, session -> session
                .createSelectionQuery("from FamilyEntity f where f.topicSlug = :slug", FamilyEntity.class)
                .setParameter("slug", prefix.slug())
                .uniqueResultOptional()
                .map(EntityMapper::toDomain));
    }

    @Override
    public Optional<PasswordHash> findTokenHash(FamilyId id) {
        return database.inSession("finding the token hash of family " + id, session -> session
                .createSelectionQuery("select f.tokenHash from FamilyEntity f where f.id = :id", String.class)
                .setParameter("id", id.value())
                .uniqueResultOptional()
                .map(PasswordHash::new));
    }

    @Override
    public List<Family> list(Optional<FamilyId> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE + ", but was " + limit);
        }
        String hql = after.isPresent()
                ? "from FamilyEntity f where f.id > :after order by f.id"
                : "from FamilyEntity f order by f.id";
        return database.inSession("listing families", session -> {
            var query = session.createSelectionQuery(hql, FamilyEntity.class).setMaxResults(limit);
            after.ifPresent(id -> query.setParameter("after", id.value()));
            return query.getResultList().stream().map(EntityMapper::toDomain).toList();
        });
    }
}
