package dev.shenava.api;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code shenava test}: every module's unit and integration tests ({@code mvn -B verify} in the checkout).
 * The launcher runs Maven directly; this command is for {@code java -cp ... Main test}.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs every module's unit and integration tests (mvn -B verify).")
final class TestCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "MAVEN-ARG", description = "extra Maven arguments")
    private List<String> extra = List.of();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("shenava.home", "."));
        if (!Files.isRegularFile(home.resolve("pom.xml"))) {
            System.err.println("shenava: no pom.xml in " + home.toAbsolutePath() + "; run the tests from a Shenava checkout");
            return 1;
        }
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-ntp", "verify"));
        cmd.addAll(extra);
        return new ProcessBuilder(cmd).directory(home.toFile()).inheritIO().start().waitFor();
    }
}
