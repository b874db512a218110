package org.familyqa.architecture.samples.bad.ports;

import spark.Request;

import org.familyqa.architecture.samples.bad.domain.SampleQuestion;

/** Breaks "ports depend only on the JDK and the domain" and "no technology types in the core": it uses Spark. */
public interface SparkQuestionPort {

    SampleQuestion read(Request request);
}
