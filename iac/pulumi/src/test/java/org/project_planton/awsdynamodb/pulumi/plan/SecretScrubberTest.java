package org.project_planton.awsdynamodb.pulumi.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretScrubberTest {

  @Test
  void scrubberReplacesAnyStringContainingAKnownSecret() {
    var scrubber = new SecretScrubber(Arrays.asList("hunter2", "", null));
    assertEquals(Map.of("k", List.of("[secret]", "fine")),
        scrubber.scrub(Map.of("k", List.of("pw=hunter2;", "fine"))));
    assertEquals("", scrubber.scrubString(""));
  }

  @Test
  void mockInputsTakeThePlansShape() {
    assertEquals(Map.of("a", List.of(5L, 2.5, true), "b", Map.of("c", 3L)),
        PlanMocks.plain(Map.of("b", Map.of("c", 3.0), "a", List.of(5.0, 2.5, true))));
  }
}
