package org.project_planton.awsdynamodb.cli.program;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

/**
 * A stand-in for the Pulumi engine, for tests: the {@code pulumirpc.ResourceMonitor} and
 * {@code pulumirpc.Engine} services a deployment's program talks to, served over gRPC on
 * 127.0.0.1 and an ephemeral port, recording every call. Its answers follow the real engine
 * (pulumi/pulumi pkg/resource/deploy/source_eval.go, {@code resmon}):
 * <ul>
 *   <li>SupportsFeature: true for exactly secrets, resourceReferences, outputValues, aliasSpecs,
 *       deletedWith, transforms, invokeTransforms and parameterization;</li>
 *   <li>RegisterResource: the URN {@code urn:pulumi:STACK::PROJECT::[PARENT-TYPE$]TYPE::NAME}
 *       (the root stack's type is left out of its children's), and as outputs the inputs (secrets
 *       kept: the SDK asks for them) plus what the provider computes. On an update the table gets an
 *       id and ARN; in a preview (dry run) nothing is created: the id is empty, a new provider's id
 *       is the engine's unknown id, and every computed output is the unknown value, as pulumi-aws
 *       previews a create;</li>
 *   <li>Engine.Log, Get/SetRootResource: recorded (and the root kept).</li>
 * </ul>
 * Everything else answers UNIMPLEMENTED, as a call our program should never make; each call is
 * still recorded by name.
 */
final class StandInPulumiEngine implements AutoCloseable {

  /** The engine's unknown value (sdk/go/common/resource/plugin/rpc.go UnknownStringValue). */
  static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
  static final String TABLE_TYPE = "aws:dynamodb/table:Table";
  static final String ACCOUNT_ID = "123456789012";
  private static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
  private static final Set<String> SUPPORTED_FEATURES = Set.of("secrets", "resourceReferences",
      "outputValues", "aliasSpecs", "deletedWith", "transforms", "invokeTransforms", "parameterization");

  private final String project;
  private final String stack;
  private final boolean preview;
  private final Server server;
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final List<String> features = Collections.synchronizedList(new ArrayList<>());
  private final List<RegisterResourceRequest> registrations = Collections.synchronizedList(new ArrayList<>());
  private final List<RegisterResourceOutputsRequest> outputs = Collections.synchronizedList(new ArrayList<>());
  private final List<LogRequest> logs = Collections.synchronizedList(new ArrayList<>());
  private volatile String root = "";
  private volatile String region = "us-east-1"; // the provider's, once registered with one

  StandInPulumiEngine(String project, String stack, boolean preview) throws IOException {
    this.project = project;
    this.stack = stack;
    this.preview = preview;
    var recordCalls = new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        calls.add(call.getMethodDescriptor().getFullMethodName());
        return next.startCall(call, headers);
      }
    };
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .addService(ServerInterceptors.intercept(new Monitor(), recordCalls))
        .addService(ServerInterceptors.intercept(new Engine(), recordCalls))
        .build()
        .start();
  }

  /** host:port, as the language host passes PULUMI_MONITOR and PULUMI_ENGINE. */
  String address() {
    return "127.0.0.1:" + server.getPort();
  }

  String project() {
    return project;
  }

  String stack() {
    return stack;
  }

  boolean preview() {
    return preview;
  }

  /** Full gRPC method names of every call, in arrival order. */
  List<String> calls() {
    return copy(calls);
  }

  List<String> featuresAsked() {
    return copy(features);
  }

  List<RegisterResourceRequest> registrations() {
    return copy(registrations);
  }

  List<RegisterResourceOutputsRequest> registeredOutputs() {
    return copy(outputs);
  }

  List<LogRequest> logs() {
    return copy(logs);
  }

  private static <T> List<T> copy(List<T> list) {
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }

  private String urn(RegisterResourceRequest request) {
    var parentType = "";
    if (!request.getParent().isEmpty()) {
      var parentQualifiedType = request.getParent().split("::")[2];
      if (!parentQualifiedType.equals(ROOT_STACK_TYPE)) {
        parentType = parentQualifiedType + "$";
      }
    }
    return "urn:pulumi:" + stack + "::" + project + "::" + parentType + request.getType() + "::" + request.getName();
  }

  private RegisterResourceResponse register(RegisterResourceRequest request) {
    var urn = urn(request);
    var response = RegisterResourceResponse.newBuilder().setUrn(urn);
    if (!request.getCustom()) {
      return response.build(); // a component, such as the stack: no id, no state
    }
    var state = request.getObject().toBuilder();
    String id;
    if (request.getType().startsWith("pulumi:providers:")) {
      var configured = request.getObject().getFieldsOrDefault("region", Value.getDefaultInstance());
      if (configured.hasStringValue() && !configured.getStringValue().isEmpty()) {
        region = configured.getStringValue();
      }
      id = preview ? UNKNOWN : UUID.nameUUIDFromBytes(urn.getBytes()).toString();
    } else if (request.getType().equals(TABLE_TYPE)) {
      var name = request.getObject().getFieldsOrDefault("name", Value.newBuilder().setStringValue(request.getName()).build());
      var arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + name.getStringValue();
      id = preview ? "" : name.getStringValue();
      state.putFields("arn", string(preview ? UNKNOWN : arn));
      state.putFields("streamArn", string(preview ? UNKNOWN : arn + "/stream/1970-01-01T00:00:00.000"));
      state.putFields("streamLabel", string(preview ? UNKNOWN : "1970-01-01T00:00:00.000"));
    } else {
      id = preview ? "" : request.getName() + "-id";
    }
    return response.setId(id).setObject(state.build()).build();
  }

  private static Value string(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {
    @Override
    public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> reply) {
      features.add(request.getId());
      reply.onNext(SupportsFeatureResponse.newBuilder().setHasSupport(SUPPORTED_FEATURES.contains(request.getId())).build());
      reply.onCompleted();
    }

    @Override
    public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> reply) {
      registrations.add(request);
      reply.onNext(register(request));
      reply.onCompleted();
    }

    @Override
    public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> reply) {
      outputs.add(request);
      reply.onNext(Empty.getDefaultInstance());
      reply.onCompleted();
    }
  }

  private final class Engine extends EngineGrpc.EngineImplBase {
    @Override
    public void log(LogRequest request, StreamObserver<Empty> reply) {
      logs.add(request);
      reply.onNext(Empty.getDefaultInstance());
      reply.onCompleted();
    }

    @Override
    public void getRootResource(GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> reply) {
      reply.onNext(GetRootResourceResponse.newBuilder().setUrn(root).build());
      reply.onCompleted();
    }

    @Override
    public void setRootResource(SetRootResourceRequest request, StreamObserver<SetRootResourceResponse> reply) {
      root = request.getUrn();
      reply.onNext(SetRootResourceResponse.getDefaultInstance());
      reply.onCompleted();
    }
  }

  /** A struct's values with every secret envelope opened, for checks of where plaintext travels. */
  static List<String> plaintextOutsideSecrets(Struct struct) {
    var found = new ArrayList<String>();
    struct.getFieldsMap().values().forEach(v -> collect(v, found));
    return found;
  }

  private static void collect(Value value, List<String> found) {
    switch (value.getKindCase()) {
      case STRING_VALUE -> found.add(value.getStringValue());
      case LIST_VALUE -> value.getListValue().getValuesList().forEach(v -> collect(v, found));
      case STRUCT_VALUE -> {
        var fields = value.getStructValue().getFieldsMap();
        var sig = fields.get("4dabf18193072939515e22adb298388d");
        if (sig != null && sig.getStringValue().equals("1b47061264138c4ac30d75fd1eb44270")) {
          return; // a secret: its plaintext travels inside the envelope only
        }
        fields.values().forEach(v -> collect(v, found));
      }
      default -> { }
    }
  }
}
