package org.familyqa.adapter.postgres;

import java.sql.PreparedStatement;
import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.ports.out.AdminTokenRepository;

/** The admin token hash, kept in the single row of {@code admin_token}. */
final class AdminTokenRepositoryAdapter implements AdminTokenRepository {

    private static final String INSERT_IF_ABSENT = "insert into admin_token (id, token_hash, updated_at)"
            + " values (" + AdminTokenEntity.SINGLE_ROW_ID + ", ?, ?) on conflict do nothing";

    private final Database database;

    AdminTokenRepositoryAdapter(Database database) {
        this.database = database;
    }

    @Override
    public Optional<PasswordHash> find() {
        return database.inSession("reading the admin token hash", session ->
                Optional.ofNullable(session.find(AdminTokenEntity.class, AdminTokenEntity.SINGLE_ROW_ID))
                        .map(entity -> new PasswordHash(entity.tokenHash)));
    }

    @Override
    public boolean saveIfAbsent(PasswordHash hash) {
        Objects.requireNonNull(hash, "hash");
        return database.inWriteTransaction("storing the admin token hash", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
                insert.setString(1, hash.encoded());
                insert.setObject(2, Rows.timestamp(database.now()));
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void replace(PasswordHash hash) {
        Objects.requireNonNull(hash, "hash");
        AdminTokenEntity entity = new AdminTokenEntity();
        entity.id = AdminTokenEntity.SINGLE_ROW_ID;
        entity.tokenHash = hash.encoded();
        entity.updatedAt = database.now();
        database.inSession("replacing the admin token hash", session -> session.merge(entity));
    }
}
