package org.project_planton.awsdynamodb.pulumi.plan;

/** The program failed under the mock engine; the message lists the engine's errors. */
public final class PlanException extends RuntimeException {

  public PlanException(String message) {
    super(message);
  }
}
