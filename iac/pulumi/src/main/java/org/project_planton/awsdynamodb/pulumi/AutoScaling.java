package org.project_planton.awsdynamodb.pulumi;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.AutoScalingDimension;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.BillingMode;

/**
 * Application Auto Scaling of the table's and each GSI's capacity: per autoscaled dimension, a
 * scalable target and a target-tracking policy on DynamoDB's predefined utilization metric.
 * The table ignores changes to the capacity these own (see {@link Table#ignoredChanges}).
 */
public final class AutoScaling {

  /** One target and its policy. */
  public record Scaling(Target target, Policy policy) {}

  private AutoScaling() {}

  public static List<Scaling> create(
      Locals locals, com.pulumi.aws.dynamodb.Table table, com.pulumi.aws.Provider provider) {
    var spec = locals.spec();
    var created = new ArrayList<Scaling>();
    if (spec.getBillingMode() != BillingMode.PROVISIONED) {
      return created;
    }
    var tableId = table.name().applyValue(name -> "table/" + name);
    dimensions(spec.getAutoScaling(), locals.tableName(), "table", tableId, provider, created);
    for (var gsi : spec.getGlobalSecondaryIndexesList()) {
      var indexId = table.name().applyValue(name -> "table/" + name + "/index/" + gsi.getName());
      dimensions(gsi.getAutoScaling(), locals.tableName() + "-index-" + gsi.getName(), "index", indexId, provider, created);
    }
    return created;
  }

  private static void dimensions(AwsDynamodbSpec.AutoScaling scaling, String prefix, String scope,
      Output<String> resourceId, com.pulumi.aws.Provider provider, List<Scaling> created) {
    if (scaling.hasRead()) {
      created.add(dimension(scaling.getRead(), prefix + "-read", scope, "Read", resourceId, provider));
    }
    if (scaling.hasWrite()) {
      created.add(dimension(scaling.getWrite(), prefix + "-write", scope, "Write", resourceId, provider));
    }
  }

  /** {@code scope} is table or index; {@code direction} is Read or Write, as AWS spells both in its names. */
  private static Scaling dimension(AutoScalingDimension dimension, String name, String scope, String direction,
      Output<String> resourceId, com.pulumi.aws.Provider provider) {
    var scalableDimension = "dynamodb:" + scope + ":" + direction + "CapacityUnits";
    var target = new Target(name + "-scaling-target", TargetArgs.builder()
        .serviceNamespace("dynamodb")
        .resourceId(resourceId)
        .scalableDimension(scalableDimension)
        .minCapacity(Table.capacity(dimension.getMinCapacity()))
        .maxCapacity(Table.capacity(dimension.getMaxCapacity()))
        .build(),
        CustomResourceOptions.builder().provider(provider).build());
    var metric = "DynamoDB" + direction + "CapacityUtilization";
    var tracking = PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
        .predefinedMetricSpecification(
            PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                .predefinedMetricType(metric).build())
        .targetValue((double) dimension.getTargetUtilizationPercent());
    if (dimension.getScaleInCooldownSeconds() > 0) {
      tracking.scaleInCooldown(dimension.getScaleInCooldownSeconds());
    }
    if (dimension.getScaleOutCooldownSeconds() > 0) {
      tracking.scaleOutCooldown(dimension.getScaleOutCooldownSeconds());
    }
    var policy = new Policy(name + "-scaling-policy", PolicyArgs.builder()
        .name(target.resourceId().applyValue(id -> metric + ":" + id))
        .policyType("TargetTrackingScaling")
        .serviceNamespace(target.serviceNamespace())
        .resourceId(target.resourceId())
        .scalableDimension(target.scalableDimension())
        .targetTrackingScalingPolicyConfiguration(tracking.build())
        .build(),
        CustomResourceOptions.builder().provider(provider).build());
    return new Scaling(target, policy);
  }
}
