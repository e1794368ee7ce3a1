package kz.orleu.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InstallationHomeTest {

    @Test
    void theHomeOfTheBuiltJarIsVarInTheInstallationRoot() {
        assertThat(InstallationHome.of(Path.of("/opt/benefits/target/benefits.jar")))
                .isEqualTo(Path.of("/opt/benefits/var"));
    }

    @Test
    void theHomeOfCompiledClassesIsVarInTheProjectRoot() {
        assertThat(InstallationHome.of(Path.of("/src/benefits/target/classes"))).isEqualTo(Path.of("/src/benefits/var"));
    }

    @Test
    void theHomeIsAbsoluteEvenForARelativeCodeLocation() {
        assertThat(InstallationHome.of(Path.of("target/benefits.jar"))).isAbsolute()
                .isEqualTo(Path.of("").toAbsolutePath().resolve("var"));
        assertThat(InstallationHome.of(null)).isAbsolute();
        assertThat(InstallationHome.of(null).endsWith(Path.of(".benefits", "var"))).isTrue();
    }
}
