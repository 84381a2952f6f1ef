package org.project_planton.awsdynamodb.pulumi;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.exceptions.RunException;

/** Entry point run by `pulumi`: load the stack input, then create the module's resources. */
public final class Main {

  public static void main(String[] args) {
    CommonPool.ensureParallelism(); // before the SDK starts: see CommonPool
    Pulumi.run(ctx -> program(ctx, StackInputSource.of(ctx)));
  }

  static void program(Context ctx, StackInputSource source) {
    try {
      AwsDynamodbModule.resources(ctx, source.load());
    } catch (StackInputException e) {
      throw new RunException(e.getMessage()); // the positioned diagnostics, without a stack trace
    }
  }
}
