package org.familyqa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyqa.domain.Rejections.rejectionOf;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.familyqa.domain.family.FamilyName;
import org.familyqa.domain.question.AnswerText;
import org.familyqa.domain.question.MemberName;
import org.familyqa.domain.question.QuestionText;
import org.familyqa.domain.question.RequestId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every user-written text type through the shared text rules: lengths in code points, allowed characters,
 * trimming and line ends. Each case runs once per field, because each field must behave alike apart from its limit
 * and whether it allows line feeds.
 */
class TextRulesTest {

    /** A text field, its limit, and the factory that validates it. */
    enum TextField {
        QUESTION("question_text", 1000, true, raw -> new QuestionText(raw).value()),
        ANSWER("answer_text", 5000, true, raw -> new AnswerText(raw).value()),
        FAMILY_NAME("name", 100, false, raw -> new FamilyName(raw).value()),
        ASKED_BY("asked_by", 100, false, raw -> MemberName.of(raw, "asked_by").value()),
        ANSWERED_BY("answered_by", 100, false, raw -> MemberName.of(raw, "answered_by").value()),
        REQUEST_ID("request_id", 64, false, raw -> new RequestId(raw).value());

        final String wireName;
        final int maxLength;
        final boolean multiline;
        final UnaryOperator<String> factory;

        TextField(String wireName, int maxLength, boolean multiline, UnaryOperator<String> factory) {
            this.wireName = wireName;
            this.maxLength = maxLength;
            this.multiline = multiline;
            this.factory = factory;
        }

        String accept(String raw) {
            return factory.apply(raw);
        }
    }

    private static final String COOKIE = "\uD83C\uDF6A"; // U+1F36A, one code point, two UTF-16 units
    // man, ZWJ, woman, ZWJ, girl: five code points shown as one family emoji
    private static final String FAMILY_EMOJI = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";

    @ParameterizedTest
    @EnumSource(TextField.class)
    void acceptsOneCharacter(TextField field) {
        assertThat(field.accept("a")).isEqualTo("a");
    }

    @ParameterizedTest
    @EnumSource(TextField.class)
    void acceptsTextOfMaximumLength(TextField field) {
        String text = "a".repeat(field.maxLength);

        assertThat(field.accept(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @EnumSource(TextField.class)
    void rejectsTextOneOverMaximum(TextField field) {
        Rejection rejection = rejectionOf(() -> field.accept("a".repeat(field.maxLength + 1)));

        assertThat(rejection.code()).isEqualTo(ErrorCode.TOO_LONG);
        assertThat(rejection.field()).isEqualTo(field.wireName);
        assertThat(rejection.message()).contains(String.valueOf(field.maxLength + 1));
        assertThat(rejection.message()).contains("maximum is " + field.maxLength);
    }

    @ParameterizedTest
    @EnumSource(TextField.class)
    void rejectsEmptyText(TextField field) {
        Rejection rejection = rejectionOf(() -> field.accept(""));

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo(field.wireName);
    }

    @ParameterizedTest
    @EnumSource(TextField.class)
    void rejectsTextOfOnlyWhiteSpace(TextField field) {
        Rejection rejection = rejectionOf(() -> field.accept(" \u2003 \t "));

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo(field.wireName);
    }

    @ParameterizedTest
    @EnumSource(TextField.class)
    void trimsSurroundingWhiteSpace(TextField field) {
        assertThat(field.accept("  \tAna Lu \u2003 ")).isEqualTo("Ana Lu");
    }

    @ParameterizedTest
    @EnumSource(TextField.class)
    void measuresLengthAfterTrimming(TextField field) {
        String text = "a".repeat(field.maxLength);

        assertThat(field.accept("   " + text + "   ")).isEqualTo(text);
    }

    @ParameterizedTest
    @EnumSource(value = TextField.class, names = "ANSWER", mode = EnumSource.Mode.EXCLUDE)
    void countsEmojiAsOneCharacter(TextField field) {
        String text = COOKIE.repeat(field.maxLength);

        assertThat(field.accept(text)).isEqualTo(text);
        assertThat(rejectionOf(() -> field.accept(text + COOKIE)).code()).isEqualTo(ErrorCode.TOO_LONG);
    }

    @Test
    void limitsAnswerToTwelveThousandBytes() {
        String atLimit = COOKIE.repeat(3000);
        String overLimit = atLimit + "a";

        assertThat(new AnswerText(atLimit).value()).isEqualTo(atLimit);
        Rejection rejection = rejectionOf(() -> new AnswerText(overLimit));
        assertThat(rejection.code()).isEqualTo(ErrorCode.TOO_LONG);
        assertThat(rejection.field()).isEqualTo("answer_text");
        assertThat(rejection.message()).contains("12000 bytes");
    }

    @Test
    void countsAnswerEmojiAsOneCharacterWithinByteLimit() {
        String text = COOKIE.repeat(2000) + "a".repeat(3000);

        assertThat(new AnswerText(text).value()).isEqualTo(text);
        assertThat(rejectionOf(() -> new AnswerText(text + "a")).code()).isEqualTo(ErrorCode.TOO_LONG);
    }

    @ParameterizedTest
    @EnumSource(TextField.class)
    void countsCombiningMarkSeparately(TextField field) {
        String text = "e\u0301".repeat(field.maxLength / 2); // every maximum is even

        assertThat(field.accept(text)).isEqualTo(text);
        assertThat(rejectionOf(() -> field.accept(text + "\u0301")).code()).isEqualTo(ErrorCode.TOO_LONG);
    }

    @ParameterizedTest
    @EnumSource(TextField.class)
    void acceptsZwjFamilyEmoji(TextField field) {
        assertThat(field.accept(FAMILY_EMOJI)).isEqualTo(FAMILY_EMOJI);
    }

    @ParameterizedTest
    @EnumSource(TextField.class)
    void acceptsMultilingualText(TextField field) {
        String text = "Qui a mang\u00e9? \u8c01\u5403\u4e86? \u0645\u0631\u062d\u0628\u0627";

        assertThat(field.accept(text)).isEqualTo(text);
    }

    static Stream<Arguments> controlCharactersInEveryField() {
        int[] controls = {0x0000, 0x0009, 0x000B, 0x000C, 0x000D, 0x001B, 0x001F, 0x007F, 0x0085, 0x009F};
        return Arrays.stream(TextField.values())
                .flatMap(field -> Arrays.stream(controls).mapToObj(control -> Arguments.of(field, control)));
    }

    @ParameterizedTest(name = "{0} U+{1}")
    @MethodSource("controlCharactersInEveryField")
    void rejectsControlCharacterNamingField(TextField field, int control) {
        String text = "a" + Character.toString(control) + "b";

        Rejection rejection = rejectionOf(() -> field.accept(text));

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo(field.wireName);
        assertThat(rejection.message()).contains(String.format("U+%04X", control));
    }

    @ParameterizedTest
    @EnumSource(TextField.class)
    void rejectsNulAtEnd(TextField field) {
        Rejection rejection = rejectionOf(() -> field.accept("Dinner at 6?\u0000"));

        assertThat(rejection.field()).isEqualTo(field.wireName);
        assertThat(rejection.message()).contains("U+0000");
    }

    @ParameterizedTest
    @EnumSource(value = TextField.class, names = {"QUESTION", "ANSWER"})
    void allowsLineFeedInMultilineText(TextField field) {
        assertThat(field.accept("first line\nsecond line")).isEqualTo("first line\nsecond line");
    }

    @ParameterizedTest
    @EnumSource(value = TextField.class, names = {"FAMILY_NAME", "ASKED_BY", "ANSWERED_BY", "REQUEST_ID"})
    void rejectsLineFeedInOneLineText(TextField field) {
        Rejection rejection = rejectionOf(() -> field.accept("Ana\nLu"));

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo(field.wireName);
        assertThat(rejection.message()).contains("U+000A");
    }

    @ParameterizedTest
    @EnumSource(value = TextField.class, names = {"FAMILY_NAME", "ASKED_BY", "ANSWERED_BY", "REQUEST_ID"})
    void rejectsCrLfInOneLineText(TextField field) {
        Rejection rejection = rejectionOf(() -> field.accept("Ana\r\nLu"));

        assertThat(rejection.field()).isEqualTo(field.wireName);
    }

    @ParameterizedTest
    @EnumSource(value = TextField.class, names = {"QUESTION", "ANSWER"})
    void normalisesCrLfToLineFeed(TextField field) {
        assertThat(field.accept("one\r\ntwo\r\n\r\nthree\r\n")).isEqualTo("one\ntwo\n\nthree");
    }

    @ParameterizedTest
    @EnumSource(value = TextField.class, names = {"QUESTION", "ANSWER"})
    void countsCrLfAsOneCharacter(TextField field) {
        String text = "a\r\n".repeat(field.maxLength / 2) + "a"; // maximum/2 line feeds, maximum/2 + 1 letters

        String fits = "a\r\n".repeat(field.maxLength / 2 - 1) + "aa";

        assertThat(rejectionOf(() -> field.accept(text)).code()).isEqualTo(ErrorCode.TOO_LONG);
        assertThat(field.accept(fits)).hasSize(field.maxLength);
    }

    @ParameterizedTest
    @EnumSource(value = TextField.class, names = {"QUESTION", "ANSWER"})
    void rejectsCarriageReturnAlone(TextField field) {
        Rejection rejection = rejectionOf(() -> field.accept("one\rtwo"));

        assertThat(rejection.field()).isEqualTo(field.wireName);
        assertThat(rejection.message()).contains("U+000D");
    }

    @ParameterizedTest
    @EnumSource(TextField.class)
    void rejectsLoneHighSurrogate(TextField field) {
        Rejection rejection = rejectionOf(() -> field.accept("half \uD83C"));

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo(field.wireName);
        assertThat(rejection.message()).contains("not valid UTF-8");
    }

    @ParameterizedTest
    @EnumSource(TextField.class)
    void rejectsLoneLowSurrogate(TextField field) {
        Rejection rejection = rejectionOf(() -> field.accept("\uDF6A half"));

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo(field.wireName);
    }

    @ParameterizedTest
    @EnumSource(value = TextField.class, names = {"FAMILY_NAME", "ASKED_BY"})
    void allowsTopicCharactersInNames(TextField field) {
        assertThat(field.accept("Smith+Jones #1 a/b $SYS")).isEqualTo("Smith+Jones #1 a/b $SYS");
    }
}
