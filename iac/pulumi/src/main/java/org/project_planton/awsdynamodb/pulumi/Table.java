package org.project_planton.awsdynamodb.pulumi;

import com.pulumi.aws.dynamodb.TableArgs;
import com.pulumi.aws.dynamodb.inputs.TableAttributeArgs;
import com.pulumi.aws.dynamodb.inputs.TableGlobalSecondaryIndexArgs;
import com.pulumi.aws.dynamodb.inputs.TableGlobalSecondaryIndexOnDemandThroughputArgs;
import com.pulumi.aws.dynamodb.inputs.TableImportTableArgs;
import com.pulumi.aws.dynamodb.inputs.TableImportTableInputFormatOptionsArgs;
import com.pulumi.aws.dynamodb.inputs.TableImportTableInputFormatOptionsCsvArgs;
import com.pulumi.aws.dynamodb.inputs.TableImportTableS3BucketSourceArgs;
import com.pulumi.aws.dynamodb.inputs.TableLocalSecondaryIndexArgs;
import com.pulumi.aws.dynamodb.inputs.TableOnDemandThroughputArgs;
import com.pulumi.aws.dynamodb.inputs.TablePointInTimeRecoveryArgs;
import com.pulumi.aws.dynamodb.inputs.TableReplicaArgs;
import com.pulumi.aws.dynamodb.inputs.TableServerSideEncryptionArgs;
import com.pulumi.aws.dynamodb.inputs.TableTtlArgs;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Optional;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.BillingMode;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.KeySchemaElement;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.KeySchemaElement.KeyType;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.Projection;

/** The DynamoDB table: every spec field, named as AWS names it. */
public final class Table {

  private Table() {}

  /**
   * Logical name and physical table name are both metadata.name. The capacity that Application
   * Auto Scaling owns is ignored after creation, so that a deploy does not reset it.
   */
  public static com.pulumi.aws.dynamodb.Table create(Locals locals, com.pulumi.aws.Provider provider) {
    return new com.pulumi.aws.dynamodb.Table(
        locals.tableName(),
        args(locals),
        CustomResourceOptions.builder().provider(provider).ignoreChanges(ignoredChanges(locals.spec())).build());
  }

  /**
   * The capacity inputs the autoscaler owns. An autoscaled GSI dimension ignores that dimension of
   * every GSI: the provider keeps GSIs as a set, so a list position does not name one index
   * reliably (pre-flight warns about an index left out: auto_scaling.gsi_capacity_ignored).
   */
  public static List<String> ignoredChanges(AwsDynamodbSpec spec) {
    if (spec.getBillingMode() != BillingMode.PROVISIONED) {
      return List.of();
    }
    var ignored = new java.util.ArrayList<String>();
    if (spec.getAutoScaling().hasRead()) {
      ignored.add("readCapacity");
    }
    if (spec.getAutoScaling().hasWrite()) {
      ignored.add("writeCapacity");
    }
    if (spec.getGlobalSecondaryIndexesList().stream().anyMatch(g -> g.getAutoScaling().hasRead())) {
      ignored.add("globalSecondaryIndexes[*].readCapacity");
    }
    if (spec.getGlobalSecondaryIndexesList().stream().anyMatch(g -> g.getAutoScaling().hasWrite())) {
      ignored.add("globalSecondaryIndexes[*].writeCapacity");
    }
    return List.copyOf(ignored);
  }

  static TableArgs args(Locals locals) {
    var spec = locals.spec();
    boolean provisioned = spec.getBillingMode() == BillingMode.PROVISIONED;
    var args = TableArgs.builder()
        .name(locals.tableName())
        .billingMode(billingMode(spec.getBillingMode()))
        .attributes(spec.getAttributeDefinitionsList().stream().map(Table::attribute).toList())
        .hashKey(key(spec.getKeySchemaList(), KeyType.HASH).orElseThrow())
        .globalSecondaryIndexes(spec.getGlobalSecondaryIndexesList().stream()
            .map(gsi -> globalSecondaryIndex(gsi, provisioned)).toList())
        .localSecondaryIndexes(spec.getLocalSecondaryIndexesList().stream()
            .map(Table::localSecondaryIndex).toList())
        .ttl(ttl(spec))
        // Always explicit, so that turning recovery off is sent as a change.
        .pointInTimeRecovery(pointInTimeRecovery(spec))
        .serverSideEncryption(serverSideEncryption(spec))
        .streamEnabled(spec.getStreamEnabled())
        .deletionProtectionEnabled(spec.getDeletionProtectionEnabled())
        .tags(locals.tags());
    key(spec.getKeySchemaList(), KeyType.RANGE).ifPresent(args::rangeKey);
    if (provisioned) {
      args.readCapacity(capacity(spec.getProvisionedThroughput().getReadCapacityUnits()))
          .writeCapacity(capacity(spec.getProvisionedThroughput().getWriteCapacityUnits()));
    }
    if (spec.getStreamEnabled()) {
      args.streamViewType(streamViewType(spec.getStreamViewType()));
    }
    tableClass(spec.getTableClass()).ifPresent(args::tableClass);
    if (spec.hasOnDemandThroughput()) {
      var limits = spec.getOnDemandThroughput();
      var onDemand = TableOnDemandThroughputArgs.builder();
      requestUnits(limits.getMaxReadRequestUnits()).ifPresent(onDemand::maxReadRequestUnits);
      requestUnits(limits.getMaxWriteRequestUnits()).ifPresent(onDemand::maxWriteRequestUnits);
      args.onDemandThroughput(onDemand.build());
    }
    if (spec.getReplicasCount() > 0) {
      args.replicas(spec.getReplicasList().stream().map(Table::replica).toList());
    }
    if (spec.hasImportSource()) {
      args.importTable(importTable(spec.getImportSource()));
    }
    if (spec.hasRestoreSource()) {
      var restore = spec.getRestoreSource();
      if (!restore.getSourceTableName().isEmpty()) {
        args.restoreSourceName(restore.getSourceTableName());
      }
      if (!restore.getSourceTableArn().isEmpty()) {
        args.restoreSourceTableArn(restore.getSourceTableArn());
      }
      if (!restore.getRestoreDateTime().isEmpty()) {
        args.restoreDateTime(restore.getRestoreDateTime());
      }
      if (restore.getUseLatestRestorableTime()) {
        args.restoreToLatestTime(true);
      }
    }
    return args.build();
  }

  /** The recovery window only when given: unset leaves AWS's default, 35 days. */
  static TablePointInTimeRecoveryArgs pointInTimeRecovery(AwsDynamodbSpec spec) {
    var args = TablePointInTimeRecoveryArgs.builder().enabled(spec.getPointInTimeRecoveryEnabled());
    if (spec.getPointInTimeRecoveryPeriodInDays() > 0) {
      args.recoveryPeriodInDays(spec.getPointInTimeRecoveryPeriodInDays());
    }
    return args.build();
  }

  /** 0 is unset (no limit, nothing sent); -1 is AWS's explicit "no limit". */
  static Optional<Integer> requestUnits(long units) {
    return units == 0 ? Optional.empty() : Optional.of(capacity(units));
  }

  static TableReplicaArgs replica(AwsDynamodbSpec.Replica replica) {
    var args = TableReplicaArgs.builder()
        .regionName(replica.getRegionName())
        .pointInTimeRecovery(replica.getPointInTimeRecoveryEnabled())
        .propagateTags(replica.getPropagateTags());
    if (!replica.getKmsKeyArn().isEmpty()) {
      args.kmsKeyArn(replica.getKmsKeyArn());
    }
    return args.build();
  }

  static TableImportTableArgs importTable(AwsDynamodbSpec.ImportSource source) {
    var bucket = TableImportTableS3BucketSourceArgs.builder().bucket(source.getS3Bucket());
    if (!source.getS3KeyPrefix().isEmpty()) {
      bucket.keyPrefix(source.getS3KeyPrefix());
    }
    if (!source.getS3BucketOwner().isEmpty()) {
      bucket.bucketOwner(source.getS3BucketOwner());
    }
    var args = TableImportTableArgs.builder()
        .s3BucketSource(bucket.build())
        .inputFormat(source.getInputFormat().name());
    if (source.getInputCompressionType() != AwsDynamodbSpec.ImportSource.InputCompressionType.INPUT_COMPRESSION_TYPE_UNSPECIFIED) {
      args.inputCompressionType(source.getInputCompressionType().name());
    }
    if (source.hasCsv()) {
      var csv = TableImportTableInputFormatOptionsCsvArgs.builder();
      if (!source.getCsv().getDelimiter().isEmpty()) {
        csv.delimiter(source.getCsv().getDelimiter());
      }
      if (source.getCsv().getHeaderListCount() > 0) {
        csv.headerLists(List.copyOf(source.getCsv().getHeaderListList()));
      }
      args.inputFormatOptions(TableImportTableInputFormatOptionsArgs.builder().csv(csv.build()).build());
    }
    return args.build();
  }

  static String billingMode(BillingMode mode) {
    return switch (mode) {
      case PROVISIONED, PAY_PER_REQUEST -> mode.name();
      case BILLING_MODE_UNSPECIFIED, UNRECOGNIZED ->
          throw new IllegalArgumentException("billing_mode must be PROVISIONED or PAY_PER_REQUEST");
    };
  }

  static TableAttributeArgs attribute(AwsDynamodbSpec.AttributeDefinition attribute) {
    var type = switch (attribute.getType()) {
      case S, N, B -> attribute.getType().name();
      case ATTRIBUTE_TYPE_UNSPECIFIED, UNRECOGNIZED ->
          throw new IllegalArgumentException("attribute " + attribute.getName() + " has no type");
    };
    return TableAttributeArgs.builder().name(attribute.getName()).type(type).build();
  }

  static Optional<String> key(List<KeySchemaElement> keySchema, KeyType keyType) {
    return keySchema.stream()
        .filter(k -> k.getKeyType() == keyType)
        .map(KeySchemaElement::getAttributeName)
        .findFirst();
  }

  static TableGlobalSecondaryIndexArgs globalSecondaryIndex(
      AwsDynamodbSpec.GlobalSecondaryIndex gsi, boolean provisioned) {
    var args = TableGlobalSecondaryIndexArgs.builder()
        .name(gsi.getName())
        .hashKey(key(gsi.getKeySchemaList(), KeyType.HASH).orElseThrow())
        .projectionType(projectionType(gsi.getProjection()));
    key(gsi.getKeySchemaList(), KeyType.RANGE).ifPresent(args::rangeKey);
    nonKeyAttributes(gsi.getProjection()).ifPresent(args::nonKeyAttributes);
    if (provisioned) {
      args.readCapacity(capacity(gsi.getProvisionedThroughput().getReadCapacityUnits()))
          .writeCapacity(capacity(gsi.getProvisionedThroughput().getWriteCapacityUnits()));
    }
    if (gsi.hasOnDemandThroughput()) {
      var limits = gsi.getOnDemandThroughput();
      var onDemand = TableGlobalSecondaryIndexOnDemandThroughputArgs.builder();
      requestUnits(limits.getMaxReadRequestUnits()).ifPresent(onDemand::maxReadRequestUnits);
      requestUnits(limits.getMaxWriteRequestUnits()).ifPresent(onDemand::maxWriteRequestUnits);
      args.onDemandThroughput(onDemand.build());
    }
    return args.build();
  }

  static TableLocalSecondaryIndexArgs localSecondaryIndex(AwsDynamodbSpec.LocalSecondaryIndex lsi) {
    var args = TableLocalSecondaryIndexArgs.builder()
        .name(lsi.getName())
        .rangeKey(key(lsi.getKeySchemaList(), KeyType.RANGE).orElseThrow())
        .projectionType(projectionType(lsi.getProjection()));
    nonKeyAttributes(lsi.getProjection()).ifPresent(args::nonKeyAttributes);
    return args.build();
  }

  /** KEYS_ONLY_PROJECTION is AWS's KEYS_ONLY; an unset projection means ALL. */
  static String projectionType(Projection projection) {
    return switch (projection.getType()) {
      case PROJECTION_TYPE_UNSPECIFIED, ALL -> "ALL";
      case KEYS_ONLY_PROJECTION -> "KEYS_ONLY";
      case INCLUDE -> "INCLUDE";
      case UNRECOGNIZED -> throw new IllegalArgumentException("unknown projection type");
    };
  }

  /** Only INCLUDE sends non-key attributes. */
  static Optional<List<String>> nonKeyAttributes(Projection projection) {
    return projection.getType() == AwsDynamodbSpec.ProjectionType.INCLUDE
        ? Optional.of(List.copyOf(projection.getNonKeyAttributesList()))
        : Optional.empty();
  }

  /** Sent in both states: AWS needs the attribute name to turn TTL off, so it goes along when given. */
  static TableTtlArgs ttl(AwsDynamodbSpec spec) {
    var ttl = spec.getTtl();
    var args = TableTtlArgs.builder().enabled(ttl.getEnabled());
    if (!ttl.getAttributeName().isEmpty()) {
      args.attributeName(ttl.getAttributeName());
    }
    return args.build();
  }

  /** Always explicit, so that switching back to the AWS owned key is sent; the KMS key only when set. */
  static TableServerSideEncryptionArgs serverSideEncryption(AwsDynamodbSpec spec) {
    var sse = spec.getServerSideEncryption();
    var args = TableServerSideEncryptionArgs.builder().enabled(sse.getEnabled());
    if (!sse.getKmsKeyArn().isEmpty()) {
      args.kmsKeyArn(sse.getKmsKeyArn());
    }
    return args.build();
  }

  static String streamViewType(AwsDynamodbSpec.StreamViewType viewType) {
    return switch (viewType) {
      case KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES -> viewType.name();
      case STREAM_VIEW_TYPE_UNSPECIFIED, UNRECOGNIZED ->
          throw new IllegalArgumentException("stream_view_type must be set when streams are enabled");
    };
  }

  static Optional<String> tableClass(AwsDynamodbSpec.TableClass tableClass) {
    return switch (tableClass) {
      case STANDARD, STANDARD_INFREQUENT_ACCESS -> Optional.of(tableClass.name());
      case TABLE_CLASS_UNSPECIFIED -> Optional.empty();
      case UNRECOGNIZED -> throw new IllegalArgumentException("unknown table class");
    };
  }

  static int capacity(long units) {
    return Math.toIntExact(units);
  }
}
