// The table of iac/hack/manifest.yaml as a Pulumi JavaScript program under the SDK's mocks
// (pulumi.runtime.setMocks: no engine, no AWS), the peer of `project-planton plan -o json`:
// it registers the same provider and aws.dynamodb.Table and prints them, with the table's
// outputs, as JSON once the table's ARN resolves. Run by bench/startup.sh.
const pulumi = require("@pulumi/pulumi");

const registered = [];
pulumi.runtime.setMocks({
    newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        const state = { ...args.inputs };
        if (args.type === "aws:dynamodb/table:Table") {
            state.arn = `arn:aws:dynamodb:us-east-1:123456789012:table/${args.inputs.name}`;
            state.streamLabel = "1970-01-01T00:00:00.000";
            state.streamArn = `${state.arn}/stream/${state.streamLabel}`;
        }
        return { id: args.inputs.name || `${args.name}-id`, state };
    },
    call: (args) => args.inputs,
}, "awsdynamodb", "plan", false);

const aws = require("@pulumi/aws");

const provider = new aws.Provider("classic-provider", { skipCredentialsValidation: false, skipRegionValidation: true });
const table = new aws.dynamodb.Table("orders", {
    name: "orders",
    billingMode: "PAY_PER_REQUEST",
    attributes: [{ name: "pk", type: "S" }, { name: "sk", type: "S" }, { name: "status", type: "S" }],
    hashKey: "pk",
    rangeKey: "sk",
    globalSecondaryIndexes: [{ name: "by-status", hashKey: "status", rangeKey: "sk", projectionType: "KEYS_ONLY" }],
    localSecondaryIndexes: [],
    ttl: { enabled: true, attributeName: "expiresAt" },
    streamEnabled: true,
    streamViewType: "NEW_AND_OLD_IMAGES",
    pointInTimeRecovery: { enabled: true },
    serverSideEncryption: { enabled: true },
    deletionProtectionEnabled: true,
    tags: {
        "Name": "orders",
        "planton.ai/environment": "dev",
        "planton.ai/organization": "acme",
        "planton.ai/resource": "true",
        "planton.ai/resource-id": "awsddb-orders-dev",
        "planton.ai/resource-kind": "AwsDynamodb",
    },
}, { provider });

pulumi.all([table.name, table.arn, table.id, table.streamArn, table.streamLabel])
    .apply(([name, arn, id, streamArn, streamLabel]) => console.log(JSON.stringify({
        resources: registered,
        outputs: { table_name: name, table_arn: arn, table_id: id, stream_arn: streamArn, stream_label: streamLabel, aws_region: "us-east-1" },
    }, null, 2)));
