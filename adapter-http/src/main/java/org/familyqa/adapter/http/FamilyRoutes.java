package org.familyqa.adapter.http;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.familyqa.domain.ValidationException;
import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.family.FamilyName;
import org.familyqa.domain.message.FieldValue;
import org.familyqa.domain.message.RequestRules;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.ports.in.FamilyUseCases;
import org.familyqa.ports.in.FamilyUseCases.CreatedFamily;
import org.familyqa.ports.in.Page;

import spark.Request;
import spark.Response;

/** {@code /api/families}: create and list families (admin token), read one family. */
final class FamilyRoutes {

    private final FamilyUseCases families;
    private final RouteSupport support;

    FamilyRoutes(FamilyUseCases families, RouteSupport support) {
        this.families = families;
        this.support = support;
    }

    Object create(Request request, Response response) {
        RouteSupport.requireAdmin(request);
        Map<String, FieldValue> fields = support.body(request);

        FamilyName name;
        Optional<TopicPrefix> slug;
        try {
            name = RequestRules.required(fields, FamilyName.FIELD, FamilyName::new);
            slug = RequestRules.optional(fields, TopicPrefix.FIELD, TopicPrefix::new);
        } catch (ValidationException e) {
            throw ApiException.of(e.rejection());
        }

        CreatedFamily created = RouteSupport.ok(families.createFamily(name, slug));
        ObjectNode body = support.codec().family(created.family());
        body.put("token", created.token());
        return support.json(response, 201, body);
    }

    Object list(Request request, Response response) {
        RouteSupport.requireAdmin(request);
        int limit = RouteSupport.limit(request);
        Optional<String> cursor = RouteSupport.cursor(request);

        Page<Family> page = RouteSupport.ok(families.listFamilies(cursor, limit));
        ObjectNode body = support.codec().object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(family -> items.add(support.codec().family(family)));
        body.put("next_cursor", page.nextCursor().orElse(null));
        return support.json(response, 200, body);
    }

    Object get(Request request, Response response) {
        FamilyId familyId = support.accessibleFamily(request);
        Family family = families.getFamily(familyId).orElseThrow(() -> ApiException.notFound("Family"));
        return support.json(response, 200, support.codec().family(family));
    }
}
