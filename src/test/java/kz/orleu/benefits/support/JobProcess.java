package kz.orleu.benefits.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The launcher in a JVM of its own, so that a test can kill it with SIGKILL as an operator's machine might. */
public final class JobProcess {

    private JobProcess() {
    }

    public static Process start(Path log, String dbUrl, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Dbenefits.chunk-size=200");
        command.add("-Dbenefits.db-user=" + TestDatabase.user());
        command.add("-Dbenefits.db-password=" + TestDatabase.password());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("kz.orleu.benefits.cli.Launcher");
        command.addAll(List.of(args));
        command.add("--db-url");
        command.add(dbUrl);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

}
