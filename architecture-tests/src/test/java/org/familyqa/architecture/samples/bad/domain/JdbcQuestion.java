package org.familyqa.architecture.samples.bad.domain;

import java.sql.Timestamp;

/** Breaks "no technology types in the core": it uses JDBC, which is JDK but belongs in the persistence adapter. */
public record JdbcQuestion(String text, Timestamp createdAt) {
}
