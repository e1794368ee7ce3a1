package kz.orleu.benefits.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a script of {@code ops/} with a given environment and working folder, as a scheduler or an operator would. */
final class ScriptRun {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private ScriptRun() {
    }

    static Path script(String name) {
        return Path.of("ops", name).toAbsolutePath();
    }

    static Result run(Path folder, Map<String, String> environment, String... command) throws Exception {
        Path out = Files.createTempFile("script", ".out");
        Path err = Files.createTempFile("script", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // Only what the test sets: the machine's own BENEFITS_* settings must not leak in.
        builder.environment().keySet().removeIf(name -> name.startsWith("BENEFITS_") || name.equals("JAVA_HOME"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** An executable bash script with that body. */
    static Path executable(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
