package dev.wirelab.testkit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.wirelab.core.echo.EchoConfig;
import dev.wirelab.core.echo.EchoServer;
import dev.wirelab.core.echo.EchoServerProvider;

/**
 * One echo server in a process of its own, for the faults that must not hit the test's JVM
 * (a lowered file-descriptor limit would starve the test's clients as well).
 *
 * <pre>
 *   java -cp CLASSPATH dev.wirelab.testkit.FaultServer VARIANT [key=value ...]
 * </pre>
 * It starts the named variant on an ephemeral loopback port with the given options, prints
 * {@code PORT <n>}, then answers each {@code metrics} line on stdin with the metrics snapshot.
 * End of stdin (the test closed it, or died) shuts the server down and exits.
 */
public final class FaultServer {

    private FaultServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: FaultServer VARIANT [key=value ...]");
            System.exit(2);
        }
        EchoServerProvider provider = EchoServerProvider.named(args[0]).orElseThrow(
                () -> new IllegalArgumentException("no variant named '" + args[0] + "' on the class path"));
        EchoConfig config = EchoConfig.defaults();
        for (int i = 1; i < args.length; i++) {
            String[] option = args[i].split("=", 2);
            config = config.withOption(option[0], option[1]);
        }
        EchoServer server = provider.start(config);
        System.out.println("PORT " + server.localAddress().getPort());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("metrics")) {
                    System.out.println("METRICS " + server.metrics());
                    System.out.flush();
                }
            }
        } finally {
            server.shutdown(Duration.ofSeconds(5));
        }
        System.exit(0);
    }
}
