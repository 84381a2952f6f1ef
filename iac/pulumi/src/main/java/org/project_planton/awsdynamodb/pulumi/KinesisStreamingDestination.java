package org.project_planton.awsdynamodb.pulumi;

import com.pulumi.aws.dynamodb.KinesisStreamingDestinationArgs;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Optional;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.KinesisStreamingDestination.ApproximateCreationDateTimePrecision;

/** Streams the table's changes to a Kinesis data stream, when the spec names one. */
public final class KinesisStreamingDestination {

  private KinesisStreamingDestination() {}

  public static Optional<com.pulumi.aws.dynamodb.KinesisStreamingDestination> create(
      Locals locals, com.pulumi.aws.dynamodb.Table table, com.pulumi.aws.Provider provider) {
    if (!locals.spec().hasKinesisStreamingDestination()) {
      return Optional.empty();
    }
    var destination = locals.spec().getKinesisStreamingDestination();
    var args = KinesisStreamingDestinationArgs.builder()
        .streamArn(destination.getStreamArn())
        .tableName(table.name());
    var precision = destination.getApproximateCreationDateTimePrecision();
    if (precision != ApproximateCreationDateTimePrecision.APPROXIMATE_CREATION_DATE_TIME_PRECISION_UNSPECIFIED) {
      args.approximateCreationDateTimePrecision(precision.name());
    }
    return Optional.of(new com.pulumi.aws.dynamodb.KinesisStreamingDestination(
        locals.tableName() + "-kinesis-streaming-destination",
        args.build(),
        CustomResourceOptions.builder().provider(provider).build()));
  }
}
