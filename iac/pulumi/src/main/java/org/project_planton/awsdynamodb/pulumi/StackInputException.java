package org.project_planton.awsdynamodb.pulumi;

/** The stack input is missing, unreadable or invalid; the message is meant for a person. */
public final class StackInputException extends Exception {

  public StackInputException(String message) {
    super(message);
  }

  public StackInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
