package kz.orleu.benefits;

import java.nio.file.Path;
import org.springframework.boot.system.ApplicationHome;

/**
 * Where the embedded database and the other state live when {@code BENEFITS_HOME} is not set: {@code var} in the
 * installation's root folder (the one holding {@code target/benefits.jar} and {@code ops/}), as {@code ops/benefits}
 * sets it. Never the current folder: a relative {@code ./var} made a launch from another folder start a new empty
 * database, so that the history of every earlier quarter seemed gone.
 */
public final class InstallationHome {

    private InstallationHome() {
    }

    public static Path defaultHome() {
        java.io.File source = new ApplicationHome(InstallationHome.class).getSource();
        return of(source == null ? null : source.toPath());
    }

    /**
     * The home for code loaded from {@code codeLocation}: {@code <root>/target/benefits.jar} and
     * {@code <root>/target/classes} both give {@code <root>/var}, a jar elsewhere gives {@code var} beside it; code
     * of unknown origin gives {@code ~/.benefits/var}.
     */
    static Path of(Path codeLocation) {
        if (codeLocation == null) {
            return Path.of(System.getProperty("user.home"), ".benefits", "var");
        }
        Path folder = codeLocation.toAbsolutePath().normalize();
        if (folder.getFileName() != null && folder.getFileName().toString().endsWith(".jar")) {
            folder = folder.getParent();
        } else if (folder.getFileName() != null && folder.getFileName().toString().equals("classes")) {
            folder = folder.getParent();
        }
        if (folder.getFileName() != null && folder.getFileName().toString().equals("target")) {
            folder = folder.getParent();
        }
        return folder.resolve("var");
    }
}
