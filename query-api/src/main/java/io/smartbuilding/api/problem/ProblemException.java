package io.smartbuilding.api.problem;

/** A request the API refuses with a problem+json answer; thrown by resources and validators. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  private ProblemException(Problem problem) {
    super(problem.detail(), null, false, false); // expected outcome, no stack trace needed
    this.problem = problem;
  }

  public static ProblemException invalidParameter(String parameter, String detail) {
    return new ProblemException(
        new Problem(
            Problem.TYPE_PREFIX + "invalid-parameter",
            "Invalid parameter",
            400,
            detail,
            parameter));
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(
        new Problem(Problem.TYPE_PREFIX + "not-found", "Not found", 404, detail, null));
  }

  /** 409: the request conflicts with the resource's current state (version, status). */
  public static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
  }

  /** Any other refusal, e.g. 428 or 503, built by the caller. */
  public static ProblemException of(Problem problem) {
    return new ProblemException(problem);
  }

  public Problem problem() {
    return problem;
  }
}
