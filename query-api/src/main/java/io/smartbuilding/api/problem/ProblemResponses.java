package io.smartbuilding.api.problem;

/**
 * Names of the problem+json responses that {@code QueryApiApplication} defines once as OpenAPI
 * components. Operations refer to them by name ({@code @APIResponse(responseCode = "404", ref =
 * ProblemResponses.NOT_FOUND)}) so that every operation documents the same Problem schema, examples
 * and headers.
 *
 * <p>An operation may add a {@code description} beside the ref to say more than the shared one ("No
 * such device"). OpenAPI 3.1 lets a reference override the description and SmallRye writes it out,
 * but MicroProfile OpenAPI leaves ref with other properties undefined: OperationsIT checks that the
 * description survives.
 */
public final class ProblemResponses {

  /** 400: a path or query parameter breaks its rule; the problem names the parameter. */
  public static final String INVALID_PARAMETER = "InvalidParameter";

  /** 404: nothing (the caller may read) has the id in the path. */
  public static final String NOT_FOUND = "NotFound";

  /** 503: DynamoDB cannot be reached, is throttling, or a table is missing. */
  public static final String DATA_STORE_UNAVAILABLE = "DataStoreUnavailable";

  private ProblemResponses() {}
}
