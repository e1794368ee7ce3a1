package kz.orleu.benefits.store.embedded;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * An embedded server that another process (or this one) owns, seen from a client that only
 * wants to connect to it: admin commands such as listing executions or requesting a stop.
 *
 * @param home the benefits home
 * @param port the TCP port on 127.0.0.1, from line 4 of {@code pgdata/postmaster.pid}
 * @param jdbcUrl URL of the application database on that port
 * @param user database user
 * @param password database password, from {@code <home>/pgpass}; never log it
 * @param ownerPid process id of the process that owns the home, when known
 */
public record RunningServer(Path home, int port, String jdbcUrl, String user, String password,
        OptionalLong ownerPid) {
}
