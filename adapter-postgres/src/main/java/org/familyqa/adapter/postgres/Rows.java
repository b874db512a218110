package org.familyqa.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.AnswerId;
import org.familyqa.domain.question.AnswerText;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.MemberName;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.QuestionText;

/** Reads and writes question and answer rows over plain JDBC, for the batch paths that bypass Hibernate. */
final class Rows {

    /** The question columns that {@link #question} reads, in order. */
    static final String QUESTION_COLUMNS =
            "q.id, q.family_id, q.question_text, q.category, q.asked_by, q.source, q.created_at";

    /** The answer columns that {@link #answer} reads, in order. */
    static final String ANSWER_COLUMNS =
            "a.id, a.question_id, a.family_id, a.answer_text, a.answered_by, a.source, a.created_at";

    /** The head of a multi-row question insert, up to its {@code values} list ({@link #valueRows}). */
    static final String INSERT_QUESTION_HEAD = "insert into question"
            + " (id, family_id, question_text, category, asked_by, source, created_at) values ";

    /** The head of a multi-row answer insert, up to its {@code values} list ({@link #valueRows}). */
    static final String INSERT_ANSWER_HEAD = "insert into answer"
            + " (id, question_id, family_id, answer_text, answered_by, source, created_at) values ";

    /** The number of columns that {@link #bindQuestion} and {@link #bindAnswer} bind. */
    static final int ITEM_COLUMNS = 7;

    private Rows() {
    }

    /** Binds the {@link #ITEM_COLUMNS} values of {@code question} to the parameters after {@code offset}. */
    static void bindQuestion(PreparedStatement insert, int offset, Question question) throws SQLException {
        insert.setObject(offset + 1, question.id().value());
        insert.setObject(offset + 2, question.familyId().value());
        insert.setString(offset + 3, question.text().value());
        insert.setString(offset + 4, question.category().value());
        insert.setString(offset + 5, question.askedBy().map(MemberName::value).orElse(null));
        insert.setString(offset + 6, question.source().code());
        insert.setObject(offset + 7, timestamp(question.createdAt()));
    }

    /** Binds the {@link #ITEM_COLUMNS} values of {@code answer} to the parameters after {@code offset}. */
    static void bindAnswer(PreparedStatement insert, int offset, Answer answer) throws SQLException {
        insert.setObject(offset + 1, answer.id().value());
        insert.setObject(offset + 2, answer.questionId().value());
        insert.setObject(offset + 3, answer.familyId().value());
        insert.setString(offset + 4, answer.text().value());
        insert.setString(offset + 5, answer.answeredBy().map(MemberName::value).orElse(null));
        insert.setString(offset + 6, answer.source().code());
        insert.setObject(offset + 7, timestamp(answer.createdAt()));
    }

    /** Reads a question from the 7 columns of {@link #QUESTION_COLUMNS} starting at {@code first}. */
    static Question question(ResultSet row, int first) throws SQLException {
        return new Question(
                new QuestionId(row.getObject(first, UUID.class)),
                new FamilyId(row.getObject(first + 1, UUID.class)),
                new QuestionText(row.getString(first + 2)),
                new Category(row.getString(first + 3)),
                EntityMapper.member(row.getString(first + 4)),
                EntityMapper.source(row.getString(first + 5)),
                instant(row, first + 6));
    }

    /** Reads an answer from the 7 columns of {@link #ANSWER_COLUMNS} starting at {@code first}. */
    static Answer answer(ResultSet row, int first) throws SQLException {
        return new Answer(
                new AnswerId(row.getObject(first, UUID.class)),
                new QuestionId(row.getObject(first + 1, UUID.class)),
                new FamilyId(row.getObject(first + 2, UUID.class)),
                new AnswerText(row.getString(first + 3)),
                EntityMapper.member(row.getString(first + 4)),
                EntityMapper.source(row.getString(first + 5)),
                instant(row, first + 6));
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * Returns the {@code values} list of a multi-row insert: {@code rows} parenthesised groups of {@code columns}
     * placeholders each.
     */
    static String valueRows(int columns, int rows) {
        String row = "(" + placeholders(columns) + ")";
        return String.join(", ", java.util.Collections.nCopies(rows, row));
    }

    /** Returns {@code count} comma-separated placeholders, for an {@code in (...)} list. */
    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** Reads one domain item from the current row, starting at the given column. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row, int first) throws SQLException;
    }

    /**
     * Selects the rows of {@code ids} from a table in one statement.
     *
     * @param columnsFromTable the selected columns and the table with its alias, such as
     *                         {@code "<columns> from question q"}, where {@code q.id} is the key
     * @return the items found, by id; ids without a row are absent
     */
    static <T> Map<UUID, T> selectByIds(Connection connection, String columnsFromTable, String alias, List<UUID> ids,
                                        RowReader<T> reader, Function<T, UUID> idOf) throws SQLException {
        Map<UUID, T> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        String sql = "select " + columnsFromTable + " where " + alias + ".id in (" + placeholders(ids.size()) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                select.setObject(i + 1, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    T item = reader.read(rows, 1);
                    found.put(idOf.apply(item), item);
                }
            }
        }
        return found;
    }
}
