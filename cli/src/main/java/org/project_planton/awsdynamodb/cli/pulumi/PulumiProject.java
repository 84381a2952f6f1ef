package org.project_planton.awsdynamodb.cli.pulumi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.project_planton.awsdynamodb.manifest.InvalidManifestException;

/**
 * The directory pulumi runs in. The stack's project must be the {@code name} in Pulumi.yaml;
 * when it is not, pulumi runs in a private copy of the project file that carries the stack's
 * project name and points back at the module, so the user's Pulumi.yaml is never rewritten.
 *
 * <p>Pulumi keys a stack's config file by the short stack name only: {@code Pulumi.dev.yaml} beside
 * Pulumi.yaml, or in its {@code stackConfigDir} (sdk/go/common/workspace/paths.go). So that
 * {@code acme/shop/dev} and {@code acme/billing/dev} never share one file (and its encryption salt
 * and config), a stack of another project keeps its config file in the module directory under
 * {@code stacks/PROJECT/Pulumi.STACK.yaml}, reached from the copy through a symlink. Pulumi writes
 * the file with os.WriteFile, which follows the symlink.
 */
final class PulumiProject implements AutoCloseable {
    private final Path workingDirectory;
    private final PrivateDirectory shim;

    private PulumiProject(Path workingDirectory, PrivateDirectory shim) {
        this.workingDirectory = workingDirectory;
        this.shim = shim;
    }

    /** Where a stack of another project than Pulumi.yaml's keeps its config file, relative to the config directory. */
    static Path projectStackConfig(StackName stack) {
        return Path.of("stacks", stack.project(), "Pulumi." + stack.stack() + ".yaml");
    }

    static PulumiProject open(Path moduleDirectory, StackName stack) throws InvalidManifestException {
        Path module = moduleDirectory.toAbsolutePath().normalize();
        Path projectFile = module.resolve("Pulumi.yaml");
        if (!Files.isRegularFile(projectFile)) {
            throw new IllegalArgumentException(moduleDirectory + " has no Pulumi.yaml; point --module-dir at the Pulumi module (iac/pulumi)");
        }
        Map<String, Object> project = PulumiProjectFile.read(projectFile);
        if (stack.project().equals(project.get("name"))) {
            return new PulumiProject(module, null);
        }
        PrivateDirectory shim = writeShim(module, project, stack);
        return new PulumiProject(shim.path(), shim);
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public void close() {
        if (shim != null) {
            shim.close(); // the symlinked stack config is deleted, not what it points at
        }
    }

    @SuppressWarnings("unchecked")
    private static PrivateDirectory writeShim(Path module, Map<String, Object> project, StackName stack) {
        Path program = module.resolve(String.valueOf(project.getOrDefault("main", "."))).normalize();
        Path configDirectory = module.resolve(String.valueOf(project.getOrDefault("stackConfigDir", "."))).normalize();
        project.remove("stackConfigDir"); // relative to the copy it would point nowhere; the symlink stands in
        project.put("name", stack.project());
        project.put("main", program.toString());
        if (project.get("runtime") instanceof Map<?, ?> runtime && runtime.get("options") instanceof Map<?, ?> options
                && options.get("binary") instanceof String binary) {
            ((Map<String, Object>) options).put("binary", program.resolve(binary).normalize().toString());
        }
        PrivateDirectory shim = PrivateDirectory.create("pulumi");
        try {
            Files.writeString(shim.path().resolve("Pulumi.yaml"), new Dump(DumpSettings.builder().build()).dumpToString(project));
            Path stackConfig = configDirectory.resolve(projectStackConfig(stack));
            Files.createDirectories(stackConfig.getParent());
            Files.createSymbolicLink(shim.path().resolve(stackConfig.getFileName()), stackConfig);
            return shim;
        } catch (IOException e) {
            shim.close();
            throw new UncheckedIOException("cannot prepare the Pulumi project directory: " + e.getMessage(), e);
        }
    }
}
