package org.project_planton.awsdynamodb.pulumi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContributorInsightsTest {

  @Test
  void enabledCreatesContributorInsightsForTheTable() {
    var run = ModuleRun.of(StackInputs.with(s -> s.setContributorInsightsEnabled(true)));
    var insights = run.mocks().ofType(ModuleRun.CONTRIBUTOR_INSIGHTS);
    assertEquals(1, insights.size());
    assertEquals("orders-contributor-insights", insights.get(0).name);
    assertEquals(Map.of("tableName", "orders"), insights.get(0).inputs);
  }

  @Test
  void disabledCreatesNone() {
    var run = ModuleRun.of(StackInputs.with(s -> s.setContributorInsightsEnabled(false)));
    assertEquals(List.of(), run.mocks().ofType(ModuleRun.CONTRIBUTOR_INSIGHTS));
    assertEquals(2, run.mocks().registered().size(), "provider and table only");
  }
}
