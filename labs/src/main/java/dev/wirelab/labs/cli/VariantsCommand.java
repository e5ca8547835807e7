package dev.wirelab.labs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.wirelab.core.echo.EchoServerProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lab variants}: every echo server on the class path, one per line. */
@Command(name = "variants", mixinStandardHelpOptions = true,
        description = "List every echo server variant on the class path: name, model, description.")
public final class VariantsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<EchoServerProvider> providers = EchoServerProvider.all();
        if (providers.isEmpty()) {
            spec.commandLine().getErr().println("lab variants: no echo server variants on the class path (build with ./mvnw -pl labs -am package)");
            return 1;
        }
        int nameWidth = providers.stream().mapToInt(p -> p.name().length()).max().orElse(4);
        int modelWidth = providers.stream().mapToInt(p -> p.model().length()).max().orElse(5);
        for (EchoServerProvider p : providers) {
            out.printf("%-" + nameWidth + "s  %-" + modelWidth + "s  %s%n", p.name(), p.model(), p.description());
        }
        return 0;
    }

    /** The names on the class path, for error messages: {@code blocking, nio, ...}. */
    static String knownNames() {
        return String.join(", ", EchoServerProvider.all().stream().map(EchoServerProvider::name).toList());
    }
}
