package org.familyqa.architecture.samples.clean.adapter.http;

import spark.Request;

import org.familyqa.architecture.samples.clean.application.SampleAskService;

/** An adapter that uses SparkJava types and reaches the others only through the core. */
public final class SampleHttpApi {

    private final SampleAskService service;

    public SampleHttpApi(SampleAskService service) {
        this.service = service;
    }

    public void postQuestion(Request request) {
        service.ask(request.body());
    }
}
