package org.project_planton.awsdynamodb.pulumi;

import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import java.util.Map;
import java.util.function.Consumer;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbStackInput;

/** Runs a program under the SDK's mock engine with {@link RecordingMocks}. */
record ModuleRun(RecordingMocks mocks, TestResult result) {

  static final String TABLE = "aws:dynamodb/table:Table";
  static final String PROVIDER = "pulumi:providers:aws";
  static final String CONTRIBUTOR_INSIGHTS = "aws:dynamodb/contributorInsights:ContributorInsights";

  static ModuleRun of(AwsDynamodbStackInput input) {
    return program(ctx -> AwsDynamodbModule.resources(ctx, input));
  }

  static ModuleRun program(Consumer<Context> program) {
    var mocks = new RecordingMocks();
    try {
      return new ModuleRun(mocks, PulumiTest.withMocks(mocks).runTest(program));
    } finally {
      PulumiTest.cleanup();
    }
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
