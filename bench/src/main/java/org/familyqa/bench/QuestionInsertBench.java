package org.familyqa.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.familyqa.adapter.postgres.PersistenceAdapter;
import org.familyqa.adapter.postgres.PersistenceSettings;
import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.family.FamilyName;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.MemberName;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.QuestionText;
import org.familyqa.domain.question.RequestId;
import org.familyqa.domain.question.Source;
import org.familyqa.ports.out.NewQuestion;
import org.familyqa.ports.out.QuestionRepository;

/**
 * Measures how many questions per second one thread stores through {@link QuestionRepository#addAll}: first with
 * one question per call (one transaction each), then with a batch per call. Each stored question also writes its
 * request id and its outbox event, as in the server.
 *
 * <p>Arguments: JDBC URL, user, password, seconds per phase (default 10), batch size (default 50).
 */
public final class QuestionInsertBench {

    private static final int FAMILIES = 100;
    private static final String TEXT = "Why is the sky blue and how far away is the moon from the earth tonight?"
            + " Why is the sky blue and how far away is the moon?";

    private QuestionInsertBench() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: java -jar familyqa-bench.jar JDBC_URL USER PASSWORD [SECONDS] [BATCH_SIZE]");
            System.exit(2);
        }
        Duration phase = Duration.ofSeconds(args.length > 3 ? Integer.parseInt(args[3]) : 10);
        int batchSize = args.length > 4 ? Integer.parseInt(args[4]) : 50;

        try (PersistenceAdapter adapter = PersistenceAdapter.start(PersistenceSettings.postgres(args[0], args[1],
                args[2]))) {
            List<FamilyId> families = addFamilies(adapter);
            QuestionRepository questions = adapter.questions();

            run(questions, families, 1, Duration.ofSeconds(2));
            double single = run(questions, families, 1, phase);
            run(questions, families, batchSize, Duration.ofSeconds(2));
            double batched = run(questions, families, batchSize, phase);

            System.out.printf("one question per transaction: %,.0f rows/s%n", single);
            System.out.printf("%d questions per transaction: %,.0f rows/s%n", batchSize, batched);
        }
    }

    private static List<FamilyId> addFamilies(PersistenceAdapter adapter) {
        List<FamilyId> ids = new ArrayList<>();
        for (int i = 0; i < FAMILIES; i++) {
            FamilyId id = new FamilyId(UUID.randomUUID());
            adapter.families().add(new Family(id, new FamilyName("Bench family " + i), TopicPrefix.ofFamily(id),
                    Instant.now()), new PasswordHash("sha256$bench$bench"));
            ids.add(id);
        }
        return ids;
    }

    /** Stores questions in calls of {@code batchSize} for {@code duration}; returns the rows per second. */
    private static double run(QuestionRepository questions, List<FamilyId> families, int batchSize,
                              Duration duration) {
        long stored = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long now = start;
        while (now < end) {
            List<NewQuestion> batch = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++) {
                FamilyId family = families.get((int) ((stored + i) % families.size()));
                batch.add(newQuestion(family));
            }
            questions.addAll(batch);
            stored += batchSize;
            now = System.nanoTime();
        }
        return stored / ((now - start) / 1e9);
    }

    private static NewQuestion newQuestion(FamilyId family) {
        Question question = new Question(new QuestionId(UUID.randomUUID()), family, new QuestionText(TEXT),
                Category.GENERAL, Optional.of(new MemberName("Ana")), Source.MQTT, Instant.now());
        return new NewQuestion(question, Optional.of(new RequestId(UUID.randomUUID().toString())));
    }
}
