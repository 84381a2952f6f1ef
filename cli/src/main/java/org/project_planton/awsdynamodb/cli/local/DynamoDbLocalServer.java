package org.project_planton.awsdynamodb.cli.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Amazon's DynamoDB Local engine, started in this JVM, listening on 127.0.0.1 only, telemetry off.
 *
 * <p>DynamoDB Local has no option for the listen address: its launcher binds Jetty to every
 * interface. So the Jetty server it builds is reached before start and its one connector is set to
 * the loopback host (and, for port 0, to an ephemeral port). If that ever fails, the server is not
 * started at all rather than started on every interface.
 */
public final class DynamoDbLocalServer implements AutoCloseable {
    public static final String LOOPBACK = "127.0.0.1";

    private final DynamoDBProxyServer proxy;
    private final ServerConnector connector;

    private DynamoDbLocalServer(DynamoDBProxyServer proxy, ServerConnector connector) {
        this.proxy = proxy;
        this.connector = connector;
    }

    /**
     * Starts the engine on 127.0.0.1:{@code port} (0 picks a free port), in memory when
     * {@code dataDir} is null, otherwise keeping its data in that directory.
     */
    public static DynamoDbLocalServer start(int port, Path dataDir) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0 (any free port) or 1 to 65535, not " + port);
        }
        List<String> args = new ArrayList<>(List.of("-disableTelemetry", "-port", "8000"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("--data-dir " + dataDir + ": cannot create the directory: " + e.getMessage());
            }
            args.addAll(List.of("-dbPath", dataDir.toAbsolutePath().toString()));
        }
        DynamoDBProxyServer proxy;
        try {
            proxy = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local could not be set up: " + e.getMessage(), e);
        }
        ServerConnector connector = loopbackConnector(proxy, port);
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start: " + e.getMessage(), e);
        }
        // DynamoDB Local reports a port in use on System.err and stops, without throwing.
        if (!connector.isStarted() || connector.getLocalPort() <= 0) {
            stopQuietly(proxy);
            throw new IllegalArgumentException("DynamoDB Local could not listen on " + LOOPBACK + ":" + port
                    + " (is the port in use? choose another with --port, or --port 0 for any free one)");
        }
        return new DynamoDbLocalServer(proxy, connector);
    }

    private static ServerConnector loopbackConnector(DynamoDBProxyServer proxy, int port) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            Server server = (Server) field.get(proxy);
            Connector[] connectors = server.getConnectors();
            if (connectors.length != 1 || !(connectors[0] instanceof ServerConnector connector)) {
                throw new IllegalStateException("expected one ServerConnector, found " + connectors.length + " connectors");
            }
            connector.setHost(LOOPBACK);
            connector.setPort(port);
            return connector;
        } catch (ReflectiveOperationException | RuntimeException e) {
            stopQuietly(proxy);
            throw new IllegalStateException("cannot bind DynamoDB Local to " + LOOPBACK
                    + " only, so it was not started (this DynamoDB Local version is not supported): " + e.getMessage(), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return connector.getHost();
    }

    public URI endpoint() {
        return URI.create("http://" + LOOPBACK + ":" + port());
    }

    @Override
    public void close() {
        stopQuietly(proxy);
    }

    private static void stopQuietly(DynamoDBProxyServer proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // stopping is best effort; the JVM is usually about to exit
        }
    }
}
