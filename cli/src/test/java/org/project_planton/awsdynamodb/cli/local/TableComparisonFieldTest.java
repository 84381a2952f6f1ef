package org.project_planton.awsdynamodb.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.project_planton.awsdynamodb.manifest.Manifests;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;

/** How local status names a field: as the manifest spells field names; the values stay as DynamoDB and the manifest have them. */
class TableComparisonFieldTest {
    private static final Manifests.Loaded<AwsDynamodb> CAMEL_CASE_MANIFEST = new Manifests.Loaded<>(AwsDynamodb.getDefaultInstance(), true);

    @Test
    void onlyTheNameIsRespelledNeverAValueThatLooksLikeAFieldName() {
        // Attributes may be named like API fields; their names are data, not field paths.
        TableComparison.Field field = new TableComparison.Field("key_schema", "HASH billing_mode", "HASH stream_view_type",
                TableComparison.State.DIFFERS);

        assertEquals("differs      keySchema: manifest HASH billing_mode, live HASH stream_view_type",
                field.spelled(CAMEL_CASE_MANIFEST::spelled).format());
    }

    @Test
    void aSnakeCaseManifestKeepsTheApiNames() {
        TableComparison.Field field = new TableComparison.Field("billing_mode", "PAY_PER_REQUEST", "PAY_PER_REQUEST",
                TableComparison.State.IN_SYNC);

        assertEquals("in sync      billing_mode: PAY_PER_REQUEST",
                field.spelled(new Manifests.Loaded<>(AwsDynamodb.getDefaultInstance(), false)::spelled).format());
    }
}
