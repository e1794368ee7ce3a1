package kz.orleu.benefits.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ops/benefits} with a fake Java that prints the {@code BENEFITS_HOME} it was given: the state of an
 * installation is found wherever the operator stands.
 */
class LauncherScriptTest {

    @TempDir
    Path work;

    @Test
    void launchedFromAnotherFolderTheLauncherUsesTheInstallationsVarFolderNotTheCurrentOne() throws Exception {
        ScriptRun.Result result = launch(Map.of());
        assertThat(result.exitCode()).isZero();
        Path installation = ScriptRun.script("benefits").getParent().getParent();
        assertThat(result.stdout().strip()).isEqualTo("BENEFITS_HOME=" + installation.resolve("var"));
    }

    @Test
    void aBenefitsHomeSetByTheAdministratorIsKept() throws Exception {
        ScriptRun.Result result = launch(Map.of("BENEFITS_HOME", "/var/lib/benefits"));
        assertThat(result.stdout().strip()).isEqualTo("BENEFITS_HOME=/var/lib/benefits");
    }

    private ScriptRun.Result launch(Map<String, String> settings) throws Exception {
        Path javaHome = work.resolve("jdk");
        ScriptRun.executable(javaHome.resolve("bin/java"), "echo \"BENEFITS_HOME=$BENEFITS_HOME\"");
        Path jar = Files.writeString(work.resolve("benefits.jar"), "not a jar");
        Path elsewhere = Files.createDirectories(work.resolve("somewhere-else"));
        Map<String, String> env = new java.util.HashMap<>(settings);
        env.put("JAVA_HOME", javaHome.toString());
        env.put("BENEFITS_JAR", jar.toString());
        return ScriptRun.run(elsewhere, env, "bash", ScriptRun.script("benefits").toString(), "executions");
    }
}
