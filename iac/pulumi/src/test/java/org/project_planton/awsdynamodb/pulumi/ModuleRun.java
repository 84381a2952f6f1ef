package org.project_planton.awsdynamodb.pulumi;

import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.function.Consumer;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/**
 * Runs a program under the SDK's mock engine with {@link RecordingMocks}. What the SDK logs (a
 * failing program is logged at SEVERE) is kept in {@code logged}, not printed to the build log.
 */
record ModuleRun(RecordingMocks mocks, TestResult result, List<String> logged) {

  static final String TABLE = "aws:dynamodb/table:Table";
  static final String PROVIDER = "pulumi:providers:aws";
  static final String CONTRIBUTOR_INSIGHTS = "aws:dynamodb/contributorInsights:ContributorInsights";

  static ModuleRun of(AwsDynamodbStackInput input) {
    return program(ctx -> AwsDynamodbModule.resources(ctx, input));
  }

  static ModuleRun program(Consumer<Context> program) {
    var mocks = new RecordingMocks();
    var logged = new ArrayList<String>();
    try {
      var test = PulumiTestInternal.builder().mocks(mocks).standardLogger(capturing(logged)).build();
      return new ModuleRun(mocks, test.runTest(program), logged);
    } finally {
      PulumiTestInternal.cleanup();
    }
  }

  /** A logger that keeps each record's level and message in {@code into} and prints nothing. */
  static Logger capturing(List<String> into) {
    var logger = Logger.getAnonymousLogger();
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.INFO);
    logger.addHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (into) {
          into.add(record.getLevel() + ": " + record.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
    return logger;
  }

  Map<String, Object> table() {
    return mocks.only(TABLE);
  }

  Map<String, Object> provider() {
    return mocks.only(PROVIDER);
  }

  Object output(String name) {
    return PulumiTest.extractValue(result.output(name));
  }
}
