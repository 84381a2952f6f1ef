package org.project_planton.awsdynamodb.cli.local;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Amazon's DynamoDB Local engine, started in this JVM, listening on 127.0.0.1 only, telemetry off.
 *
 * <p>DynamoDB Local has no option for the listen address: its launcher binds Jetty to every
 * interface. So the Jetty server it builds is reached before start and its one connector is set to
 * the loopback host (and, for port 0, to an ephemeral port). If that fails, the server is not
 * started at all rather than started on every interface.
 *
 * <p>DynamoDB Local is reached by reflection: on the command line it is not on the class path (its
 * jar's manifest lists ".", which breaks the launcher's class-data sharing archive, and no other
 * command needs it) but in {@code lib/dynamodb-local/} beside the other libraries, loaded only when
 * {@code local up} starts it. Where it is on the class path already (tests, IDEs), that copy is used.
 */
public final class DynamoDbLocalServer implements AutoCloseable {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int MAX_PORT = 65535;
    private static final String SERVER_RUNNER = "com.amazonaws.services.dynamodbv2.local.main.ServerRunner";

    private final Object proxy;
    private final Object connector;

    private DynamoDbLocalServer(Object proxy, Object connector) {
        this.proxy = proxy;
        this.connector = connector;
    }

    /**
     * Starts the engine on 127.0.0.1:{@code port} (0 picks a free port), in memory when
     * {@code dataDir} is null, otherwise keeping its data in that directory. One database serves
     * every access key and region ({@code -sharedDb}), so any SDK client finds the table.
     */
    /** With -sharedDb, DynamoDB Local keeps every table in this one SQLite file of the data directory. */
    static final String DATABASE_FILE = "shared-local-instance.db";

    /**
     * The data directory (0700 when created here) and its database file, created empty and 0600
     * before DynamoDB Local opens it: SQLite would create it with the umask's mode, readable by
     * everyone, and gives its journal files the database file's mode.
     */
    private static void createPrivately(Path dataDir) {
        try {
            if (!Files.isDirectory(dataDir)) {
                Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path database = dataDir.resolve(DATABASE_FILE);
            if (!Files.exists(database, LinkOption.NOFOLLOW_LINKS)) {
                Files.createFile(database, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--data-dir " + dataDir + ": cannot create the directory or its database file: " + e.getMessage());
        }
    }

    public static DynamoDbLocalServer start(int port, Path dataDir) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("--port must be 0 (any free port) or 1 to " + MAX_PORT + ", not " + port);
        }
        List<String> args = new ArrayList<>(List.of("-disableTelemetry", "-sharedDb", "-port", "8000"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            createPrivately(dataDir);
            args.addAll(List.of("-dbPath", dataDir.toAbsolutePath().toString()));
        }
        Object proxy;
        // DynamoDB Local resolves its logging through the context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        try {
            ClassLoader loader = loader();
            thread.setContextClassLoader(loader);
            preloadGrammar(loader);
            Class<?> runner = Class.forName(SERVER_RUNNER, true, loader);
            proxy = runner.getMethod("createServerFromCommandLineArgs", String[].class)
                    .invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("DynamoDB Local could not be set up: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("DynamoDB Local could not be loaded: " + e, e);
        } finally {
            thread.setContextClassLoader(context);
        }
        Object connector = loopbackConnector(proxy, port);
        try {
            invoke(proxy, "start");
        } catch (RuntimeException e) {
            stopQuietly(proxy);
            if (causedByBind(e)) {
                throw portInUse(port);
            }
            throw new IllegalStateException("DynamoDB Local did not start: " + e.getMessage(), e);
        }
        DynamoDbLocalServer server = new DynamoDbLocalServer(proxy, connector);
        // Some versions report a port in use on System.err and stop, without throwing.
        if (!(Boolean) invoke(connector, "isStarted") || server.port() <= 0) {
            server.close();
            throw portInUse(port);
        }
        return server;
    }

    private static IllegalArgumentException portInUse(int port) {
        return new IllegalArgumentException("cannot start DynamoDB Local: port " + port + " on " + LOOPBACK
                + " is in use (perhaps by another `local up`); choose another with --port, or --port 0 for any free port");
    }

    /** Jetty reports a port in use as an IOException "Failed to bind to ...", caused by a BindException. */
    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || String.valueOf(t.getMessage()).contains("Failed to bind")) {
                return true;
            }
        }
        return false;
    }

    /** The class path's DynamoDB Local if there is one, else the copy in lib/dynamodb-local/ beside this jar. */
    private static ClassLoader loader() {
        ClassLoader own = DynamoDbLocalServer.class.getClassLoader();
        if (own.getResource(SERVER_RUNNER.replace('.', '/') + ".class") != null) {
            return own;
        }
        try {
            Path jar = Path.of(DynamoDbLocalServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = jar.resolveSibling("lib").resolve("dynamodb-local");
            List<URL> urls = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(f.toUri().toURL());
                }
            }
            return new URLClassLoader("dynamodb-local", urls.toArray(URL[]::new), own);
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("DynamoDB Local is not installed with this build (lib/dynamodb-local/): " + e.getMessage(), e);
        }
    }

    /**
     * DynamoDB Local's expression grammar was generated by ANTLR 4.10.1 and runs here on the 4.13.2
     * runtime that protovalidate's CEL needs (same serialized grammar format). ANTLR prints a version
     * warning when the grammar classes initialise, at the first expression request; they are
     * initialised here instead, while the caller has standard error quiet.
     */
    private static void preloadGrammar(ClassLoader loader) {
        for (String grammar : List.of("com.amazon.dynamodb.grammar.DynamoDbGrammarLexer", "com.amazon.dynamodb.grammar.DynamoDbGrammarParser")) {
            try {
                Class.forName(grammar, true, loader);
            } catch (ClassNotFoundException | LinkageError ignored) {
                // a later DynamoDB Local without this grammar: nothing to quieten
            }
        }
    }

    private static Object loopbackConnector(Object proxy, int port) {
        try {
            Field field = proxy.getClass().getDeclaredField("server");
            field.setAccessible(true);
            Object server = field.get(proxy);
            Object[] connectors = (Object[]) invoke(server, "getConnectors");
            if (connectors.length != 1 || !connectors[0].getClass().getName().equals("org.eclipse.jetty.server.ServerConnector")) {
                throw new IllegalStateException("expected one ServerConnector, found " + connectors.length + " connectors");
            }
            Object connector = connectors[0];
            connector.getClass().getMethod("setHost", String.class).invoke(connector, LOOPBACK);
            connector.getClass().getMethod("setPort", int.class).invoke(connector, port);
            if (!LOOPBACK.equals(invoke(connector, "getHost"))) {
                throw new IllegalStateException("the connector did not take the loopback host");
            }
            return connector;
        } catch (ReflectiveOperationException | RuntimeException e) {
            stopQuietly(proxy);
            throw new IllegalStateException("cannot bind DynamoDB Local to " + LOOPBACK
                    + " only, so it was not started (this DynamoDB Local version is not supported): " + e.getMessage(), e);
        }
    }

    private static Object invoke(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(method + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(method + ": " + e, e);
        }
    }

    public int port() {
        return (Integer) invoke(connector, "getLocalPort");
    }

    /** The address the engine listens on: always 127.0.0.1. */
    public String host() {
        return (String) invoke(connector, "getHost");
    }

    public URI endpoint() {
        return URI.create("http://" + LOOPBACK + ":" + port());
    }

    @Override
    public void close() {
        stopQuietly(proxy);
    }

    private static void stopQuietly(Object proxy) {
        try {
            invoke(proxy, "stop");
        } catch (RuntimeException ignored) {
            // stopping is best effort; the JVM is usually about to exit
        }
    }
}
