package dev.wirelab.labs.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The wirelab kernelspec: what Jupyter will run, and where it is written. */
class KernelSpecTest {

    private final KernelSpec spec = new KernelSpec(Path.of("/opt/jdk-25/bin/java"), Path.of("/w/labs/target/jupyter/rjk.jar"),
            List.of(Path.of("/w/labs/target/wirelab-labs.jar"), Path.of("/m2/netty-all.jar")), Path.of("/w"), -1);

    /** argv starts with the absolute JDK 25 java and carries every flag the modules need, then -jar and the placeholder. */
    @Test
    void argvRunsTheKernelJarOnTheChosenJdkWithTheModuleFlags() {
        List<String> argv = spec.argv();
        assertEquals("/opt/jdk-25/bin/java", argv.getFirst());
        assertTrue(argv.containsAll(List.of("--add-modules", "jdk.incubator.vector", "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED", "-Dwirelab.root=/w")), argv.toString());
        assertEquals(List.of("-jar", "/w/labs/target/jupyter/rjk.jar", "{connection_file}"), argv.subList(argv.size() - 3, argv.size()));
    }

    /** The class path reaches the kernel through RJK_CLASSPATH, separated by ';' as the kernel splits it. */
    @Test
    void classPathGoesThroughTheEnvironmentSeparatedBySemicolons() {
        assertEquals("/w/labs/target/wirelab-labs.jar;/m2/netty-all.jar", spec.env().get("RJK_CLASSPATH"));
        assertEquals("--add-modules jdk.incubator.vector", spec.env().get("RJK_COMPILER_OPTIONS"));
        assertEquals("-1", spec.env().get("RJK_TIMEOUT_MILLIS"));
    }

    /** Installing writes kernels/wirelab/kernel.json under the given directory and nothing else. */
    @Test
    void installsIntoTheGivenJupyterDirectoryOnly(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("kernels").resolve("python3"));
        Path written = spec.installInto(dir);
        assertEquals(dir.resolve("kernels/wirelab/kernel.json"), written);
        JsonNode json = new ObjectMapper().readTree(written.toFile());
        assertEquals("Java 25 (wirelab)", json.path("display_name").asText());
        assertEquals("java", json.path("language").asText());
        assertEquals(spec.argv().size(), json.path("argv").size());
        assertTrue(Files.isDirectory(dir.resolve("kernels/python3")), "another kernel was touched");
        try (var kernels = Files.list(dir.resolve("kernels"))) {
            assertEquals(2, kernels.count());
        }
    }
}
