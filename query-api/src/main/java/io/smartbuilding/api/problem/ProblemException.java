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

  public Problem problem() {
    return problem;
  }
}
