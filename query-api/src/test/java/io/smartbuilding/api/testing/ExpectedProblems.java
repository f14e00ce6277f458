package io.smartbuilding.api.testing;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

/**
 * What every problem+json answer of one kind must hold, for {@code .then().spec(...)}: the tests
 * add only what is particular to their request, such as the detail.
 */
public final class ExpectedProblems {

  private ExpectedProblems() {}

  /** 400 naming {@code parameter}. */
  public static ResponseSpecification invalidParameter(String parameter) {
    return problem(400, "invalid-parameter", "Invalid parameter")
        .expectBody("parameter", equalTo(parameter))
        .build();
  }

  /** 404 with exactly this detail. */
  public static ResponseSpecification notFound(String detail) {
    return problem(404, "not-found", "Not found").expectBody("detail", equalTo(detail)).build();
  }

  private static ResponseSpecBuilder problem(int status, String type, String title) {
    return new ResponseSpecBuilder()
        .expectStatusCode(status)
        .expectContentType("application/problem+json")
        .expectBody("type", equalTo("urn:smartbuilding:problem:" + type))
        .expectBody("title", equalTo(title))
        .expectBody("status", equalTo(status));
  }
}
