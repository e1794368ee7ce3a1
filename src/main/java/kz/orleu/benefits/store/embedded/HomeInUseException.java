package kz.orleu.benefits.store.embedded;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Another live process (or this one) already runs the embedded database of a benefits home.
 * Thrown before anything in the home's data folder is touched.
 */
public class HomeInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path home;

    private final OptionalLong ownerPid;

    HomeInUseException(Path home, OptionalLong ownerPid, boolean thisProcess) {
        super(message(home, ownerPid, thisProcess));
        this.home = home;
        this.ownerPid = ownerPid;
    }

    /** The benefits home that is in use. */
    public Path home() {
        return this.home;
    }

    /** Process id of the owner, as written into {@code benefits.lock}, when known. */
    public OptionalLong ownerPid() {
        return this.ownerPid;
    }

    private static String message(Path home, OptionalLong ownerPid, boolean thisProcess) {
        String owner = thisProcess ? "this process" : "another process";
        String pid = ownerPid.isPresent() ? " (pid " + ownerPid.getAsLong() + ")" : "";
        return "Benefits home " + home + " is in use by " + owner + pid
                + ": only one process at a time may run its embedded database; wait for it to finish"
                + " or use another BENEFITS_HOME";
    }

}
