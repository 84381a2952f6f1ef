package org.project_planton.awsdynamodb.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.AttributeDefinition;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.AttributeType;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.BillingMode;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.GlobalSecondaryIndex;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.KeySchemaElement;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.KeySchemaElement.KeyType;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.ProjectionType;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.StreamViewType;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodbSpec.TableClass;

/** What the valid manifests load into: every spelling of an enum value, and scalars typed by their field. */
class LoadedValuesTest {
    private static AwsDynamodbSpec spec(String validCase) throws InvalidManifestException {
        return load(validCase).getSpec();
    }

    private static AwsDynamodb load(String validCase) throws InvalidManifestException {
        return Manifests.loadValid(Cases.file("valid/" + validCase));
    }

    private static List<AttributeType> attributeTypes(AwsDynamodbSpec spec) {
        return spec.getAttributeDefinitionsList().stream().map(AttributeDefinition::getType).toList();
    }

    private static List<KeyType> keyTypes(List<KeySchemaElement> keys) {
        return keys.stream().map(KeySchemaElement::getKeyType).toList();
    }

    private static List<ProjectionType> projectionTypes(AwsDynamodbSpec spec) {
        return spec.getGlobalSecondaryIndexesList().stream().map(i -> i.getProjection().getType()).toList();
    }

    @Test
    void enumNamesPrefixedWithTheirTypeAreTheSameValues() throws Exception {
        AwsDynamodbSpec spec = spec("spelling-prefixed-names.yaml");
        assertEquals(BillingMode.PAY_PER_REQUEST, spec.getBillingMode());
        assertEquals(List.of(AttributeType.S, AttributeType.S), attributeTypes(spec));
        assertEquals(List.of(KeyType.HASH), keyTypes(spec.getKeySchemaList()));
        GlobalSecondaryIndex index = spec.getGlobalSecondaryIndexes(0);
        assertEquals(List.of(KeyType.HASH), keyTypes(index.getKeySchemaList()));
        assertEquals(ProjectionType.KEYS_ONLY_PROJECTION, index.getProjection().getType());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, spec.getStreamViewType());
        assertEquals(TableClass.STANDARD, spec.getTableClass());
    }

    @Test
    void prefixedProvisionedAndRangeNames() throws Exception {
        AwsDynamodbSpec spec = spec("spelling-prefixed-names-provisioned.yaml");
        assertEquals(BillingMode.PROVISIONED, spec.getBillingMode());
        assertEquals(List.of(AttributeType.N, AttributeType.B), attributeTypes(spec));
        assertEquals(List.of(KeyType.HASH, KeyType.RANGE), keyTypes(spec.getKeySchemaList()));
        assertEquals(5, spec.getProvisionedThroughput().getReadCapacityUnits());
    }

    @Test
    void keysOnlyProjectionHasTwoSpellings() throws Exception {
        assertEquals(List.of(ProjectionType.KEYS_ONLY_PROJECTION, ProjectionType.KEYS_ONLY_PROJECTION),
                projectionTypes(spec("spelling-keys-only-projection.yaml")));
    }

    @Test
    void currentNames() throws Exception {
        AwsDynamodbSpec spec = spec("spelling-current-names.yaml");
        assertEquals(BillingMode.PAY_PER_REQUEST, spec.getBillingMode());
        assertEquals(List.of(AttributeType.S, AttributeType.N, AttributeType.B), attributeTypes(spec));
        assertEquals(List.of(KeyType.HASH, KeyType.RANGE), keyTypes(spec.getKeySchemaList()));
        assertEquals(List.of(ProjectionType.ALL, ProjectionType.INCLUDE), projectionTypes(spec));
        assertEquals(List.of("total"), spec.getGlobalSecondaryIndexes(1).getProjection().getNonKeyAttributesList());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, spec.getStreamViewType());
        assertEquals(TableClass.STANDARD_INFREQUENT_ACCESS, spec.getTableClass());
    }

    /** YAML 1.1 would read N as false and yes/no/on/off/Y as booleans; here the field decides. */
    @Test
    void yaml11BooleansStayStringsAndNIsNumber() throws Exception {
        AwsDynamodb resource = load("yaml11-plain-scalars-stay-strings.yaml");
        assertEquals(Map.of("a", "yes", "b", "no", "on", "off", "d", "Y"), resource.getMetadata().getLabelsMap());
        assertEquals(List.of("n", "y"), resource.getMetadata().getTagsList());
        AwsDynamodbSpec spec = resource.getSpec();
        assertEquals(List.of("on", "Y"), spec.getAttributeDefinitionsList().stream().map(AttributeDefinition::getName).toList());
        assertEquals(List.of(AttributeType.N, AttributeType.S), attributeTypes(spec));
        assertEquals("on", spec.getKeySchema(0).getAttributeName());
    }

    @Test
    void camelCaseAndSnakeCaseFieldNamesBothLoad() throws Exception {
        AwsDynamodb resource = load("field-names-camel-and-snake-case.yaml");
        assertEquals(Manifests.API_VERSION, resource.getApiVersion());
        AwsDynamodbSpec spec = resource.getSpec();
        assertEquals(BillingMode.PROVISIONED, spec.getBillingMode());
        assertEquals(3, spec.getProvisionedThroughput().getReadCapacityUnits());
        assertEquals(4, spec.getProvisionedThroughput().getWriteCapacityUnits());
        assertEquals("pk", spec.getKeySchema(0).getAttributeName());
        assertTrue(spec.getPointInTimeRecoveryEnabled());
        assertTrue(spec.getDeletionProtectionEnabled());
        assertEquals("expiresAt", spec.getTtl().getAttributeName());
    }

    @Test
    void ttlDisabledKeepsItsAttributeName() throws Exception {
        AwsDynamodbSpec spec = spec("ttl-disabled-with-attribute-name.yaml");
        assertEquals(false, spec.getTtl().getEnabled());
        assertEquals("expiresAt", spec.getTtl().getAttributeName());
    }
}
