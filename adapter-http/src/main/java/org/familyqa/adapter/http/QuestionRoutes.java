package org.familyqa.adapter.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.familyqa.domain.ValidationException;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.message.AskRequest;
import org.familyqa.domain.message.FieldValue;
import org.familyqa.domain.message.RequestRules;
import org.familyqa.domain.message.RespondRequest;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.ports.in.Page;
import org.familyqa.ports.in.QuestionUseCases;
import org.familyqa.ports.in.QuestionUseCases.QuestionWithAnswers;

import spark.Request;
import spark.Response;

/** {@code /api/families/:id/questions}: ask, list and read questions, and answer them. */
final class QuestionRoutes {

    private final QuestionUseCases questions;
    private final RouteSupport support;

    QuestionRoutes(QuestionUseCases questions, RouteSupport support) {
        this.questions = questions;
        this.support = support;
    }

    Object ask(Request request, Response response) {
        FamilyId familyId = support.accessibleFamily(request);
        AskRequest ask = RouteSupport.accepted(RequestRules.readAsk(support.body(request)));

        Question question = RouteSupport.ok(questions.ask(familyId, ask, RouteSupport.source(request)));
        return support.json(response, 201, support.codec().question(question, ask.requestId()));
    }

    Object list(Request request, Response response) {
        FamilyId familyId = support.accessibleFamily(request);
        Optional<Category> category = category(request);
        int limit = RouteSupport.limit(request);
        Optional<String> cursor = RouteSupport.cursor(request);

        Page<Question> page = RouteSupport.ok(questions.listQuestions(familyId, category, cursor, limit));
        ObjectNode body = support.codec().object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(question -> items.add(support.codec().question(question, Optional.empty())));
        body.put("next_cursor", page.nextCursor().orElse(null));
        return support.json(response, 200, body);
    }

    Object get(Request request, Response response) {
        FamilyId familyId = support.accessibleFamily(request);
        QuestionId questionId = RouteSupport.questionId(request);

        QuestionWithAnswers found = questions.getQuestion(familyId, questionId)
                .orElseThrow(() -> ApiException.notFound("Question"));
        ObjectNode body = support.codec().question(found.question(), Optional.empty());
        ArrayNode answers = body.putArray("answers");
        for (Answer answer : found.answers()) {
            answers.add(support.codec().answer(answer, Optional.empty()));
        }
        return support.json(response, 200, body);
    }

    /** Answers the question of the path; a {@code question_id} in the body is ignored in favour of the path's. */
    Object answer(Request request, Response response) {
        FamilyId familyId = support.accessibleFamily(request);
        QuestionId questionId = RouteSupport.questionId(request);
        Map<String, FieldValue> fields = new HashMap<>(support.body(request));
        fields.put(QuestionId.FIELD, new FieldValue.Text(questionId.toString()));
        RespondRequest respond = RouteSupport.accepted(RequestRules.readRespond(fields));

        Answer answer = RouteSupport.ok(questions.answer(familyId, respond, RouteSupport.source(request)));
        return support.json(response, 201, support.codec().answer(answer, respond.requestId()));
    }

    private static Optional<Category> category(Request request) {
        String raw = request.queryParams(Category.FIELD);
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Category(raw));
        } catch (ValidationException e) {
            throw ApiException.of(e.rejection());
        }
    }
}
