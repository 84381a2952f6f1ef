package org.project_planton.awsdynamodb.manifest;

import build.buf.protovalidate.Validator;
import build.buf.protovalidate.ValidatorFactory;
import build.buf.protovalidate.exceptions.ValidationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.project_planton.provider.aws.awsdynamodb.v1.AwsDynamodb;

/**
 * The protovalidate validator with the proto's rules compiled, once per JVM. Setting up CEL and
 * compiling the rules is the largest part of a command's start-up, so a command may start it on a
 * second thread ({@link Manifests#prepareValidation()}) while it parses its arguments and reads
 * the YAML. Built on first use otherwise: commands that never validate never pay for CEL.
 */
final class CompiledRules {
    private static final FutureTask<Validator> VALIDATOR = new FutureTask<>(CompiledRules::compile);

    private CompiledRules() {}

    static void compileInBackground() {
        Thread thread = new Thread(VALIDATOR, "compile-validation-rules");
        thread.setDaemon(true); // never keeps a finished command alive
        thread.start();
    }

    /** The validator; compiles it on this thread unless another thread already is, then waits for it. */
    static Validator validator() throws ValidationException {
        VALIDATOR.run(); // a no-op once the task has started anywhere
        try {
            return VALIDATOR.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling the validation rules", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ValidationException rules) {
                throw rules;
            }
            throw new IllegalStateException("validation rules failed to compile: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The CEL environment first, then the manifest's rules and those of every message inside it
     * (validating the empty manifest compiles them); any other message type (the provider config,
     * the stack input) is compiled when first validated. The environment comes first because it
     * does not need the manifest's descriptors, which the command's own thread is building
     * meanwhile as it reads the YAML.
     */
    private static Validator compile() throws ValidationException {
        Validator validator = ValidatorFactory.newBuilder().build();
        validator.validate(AwsDynamodb.getDefaultInstance());
        return validator;
    }
}
