package org.familyqa.adapter.http;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Ids;
import org.familyqa.domain.ValidationException;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.message.FieldValue;
import org.familyqa.domain.message.Validated;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.Source;
import org.familyqa.ports.in.FamilyUseCases;
import org.familyqa.ports.in.Result;

import spark.Request;
import spark.Response;

/** Helpers every route uses: the caller, path ids, paging parameters, request bodies and JSON responses. */
final class RouteSupport {

    static final String CALLER_ATTRIBUTE = "familyqa.caller";

    /** Request header with which the web page marks its requests, so that stored items carry source {@code web}. */
    static final String CLIENT_HEADER = "X-FamilyQA-Client";

    static final int DEFAULT_PAGE_LIMIT = 20;
    static final int MAX_PAGE_LIMIT = 100;
    private static final int MAX_CURSOR_LENGTH = 512;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private final JsonCodec codec;
    private final BodyReader bodyReader;
    private final FamilyUseCases families;

    RouteSupport(JsonCodec codec, BodyReader bodyReader, FamilyUseCases families) {
        this.codec = codec;
        this.bodyReader = bodyReader;
        this.families = families;
    }

    JsonCodec codec() {
        return codec;
    }

    static Caller caller(Request request) {
        Caller caller = request.attribute(CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("No caller on a request to " + request.pathInfo()
                    + "; the authentication filter did not run");
        }
        return caller;
    }

    static void requireAdmin(Request request) {
        if (!(caller(request) instanceof Caller.Admin)) {
            throw ApiException.of(ErrorCode.UNAUTHORIZED, null,
                    "Creating and listing families needs the admin token, not a family token.");
        }
    }

    /**
     * Returns the family of the {@code :id} path parameter if the caller may see it. A family token asking about
     * another family gets the same 404 as for a family that does not exist, so ids of other families stay hidden.
     */
    FamilyId accessibleFamily(Request request) {
        FamilyId familyId;
        try {
            familyId = new FamilyId(Ids.parseUuid(request.params(":id"), "family_id"));
        } catch (ValidationException e) {
            throw ApiException.notFound("Family");
        }
        Caller caller = caller(request);
        if (!caller.mayAccess(familyId)) {
            throw ApiException.notFound("Family");
        }
        if (caller instanceof Caller.Admin && families.getFamily(familyId).isEmpty()) {
            throw ApiException.notFound("Family");
        }
        return familyId;
    }

    /** Returns the question of the {@code :qid} path parameter; an id that is not a UUID gets 404. */
    static QuestionId questionId(Request request) {
        try {
            return new QuestionId(Ids.parseUuid(request.params(":qid"), QuestionId.FIELD));
        } catch (ValidationException e) {
            throw ApiException.of(ErrorCode.NOT_FOUND, QuestionId.FIELD, "Question not found.");
        }
    }

    static Source source(Request request) {
        return "web".equalsIgnoreCase(request.headers(CLIENT_HEADER)) ? Source.WEB : Source.API;
    }

    Map<String, FieldValue> body(Request request) {
        return bodyReader.readJsonObject(request.raw());
    }

    /** Reads the {@code limit} query parameter: absent means the default, otherwise 1 to the maximum. */
    static int limit(Request request) {
        String raw = request.queryParams("limit");
        if (raw == null) {
            return DEFAULT_PAGE_LIMIT;
        }
        int limit = DIGITS.matcher(raw).matches() ? Integer.parseInt(raw) : -1;
        if (limit < 1 || limit > MAX_PAGE_LIMIT) {
            throw ApiException.of(ErrorCode.INVALID_FIELD, "limit",
                    "limit must be a whole number from 1 to " + MAX_PAGE_LIMIT + ".");
        }
        return limit;
    }

    /** Reads the {@code cursor} query parameter; absent or empty means the first page. */
    static Optional<String> cursor(Request request) {
        String raw = request.queryParams("cursor");
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.length() > MAX_CURSOR_LENGTH) {
            throw ApiException.of(ErrorCode.INVALID_FIELD, "cursor",
                    "cursor is not valid; pass the next_cursor of the previous page unchanged.");
        }
        return Optional.of(raw);
    }

    /** Returns the value of an accepted request, or throws its rejection as a 4xx. */
    static <T> T accepted(Validated<T> validated) {
        if (validated instanceof Validated.Accepted<T> accepted) {
            return accepted.value();
        }
        throw ApiException.of(((Validated.Rejected<T>) validated).rejection());
    }

    /** Returns the value of a successful use case, or throws its rejection with the status of its code. */
    static <T> T ok(Result<T> result) {
        if (result instanceof Result.Ok<T> ok) {
            return ok.value();
        }
        throw ApiException.of(((Result.Rejected<T>) result).rejection());
    }

    /** Sets the status and JSON content type, and returns the body for Spark to write. */
    byte[] json(Response response, int status, ObjectNode body) {
        response.status(status);
        response.type(ErrorResponses.JSON_CONTENT_TYPE);
        return codec.write(body);
    }
}
