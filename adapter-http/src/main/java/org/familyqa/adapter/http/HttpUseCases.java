package org.familyqa.adapter.http;

import java.util.Objects;

import org.familyqa.ports.in.AuthenticationUseCases;
import org.familyqa.ports.in.FamilyUseCases;
import org.familyqa.ports.in.MqttAccessUseCases;
import org.familyqa.ports.in.QuestionUseCases;

/** The use cases the HTTP API calls. */
public record HttpUseCases(FamilyUseCases families, AuthenticationUseCases authentication,
                           QuestionUseCases questions, MqttAccessUseCases mqttAccess) {

    public HttpUseCases {
        Objects.requireNonNull(families, "families");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(questions, "questions");
        Objects.requireNonNull(mqttAccess, "mqttAccess");
    }
}
