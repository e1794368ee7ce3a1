package kz.orleu.benefits.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.orleu.benefits.cli.UsageException;

/**
 * Reads the console's users file ({@code BENEFITS_CONSOLE_USERS}): one {@code username:password-hash:ROLE} a line,
 * the hash in Spring Security's {@code {bcrypt}…} form ({@code {noop}} for tests); blank lines and {@code #}
 * comments are skipped. A wrong line stops the console from starting, naming the line, rather than locking out
 * the user it was meant for without a word.
 */
public final class ConsoleUsers {

    private ConsoleUsers() {
    }

    public static List<ConsoleUser> read(Path file) {
        if (file == null || file.toString().isBlank()) {
            throw new UsageException("the console needs its users file: set BENEFITS_CONSOLE_USERS to a file of"
                    + " username:{bcrypt}hash:ROLE lines (see README, Console)");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read the console's users file " + file + ": " + e.getMessage());
        }
        return parse(lines, file.toString());
    }

    static List<ConsoleUser> parse(List<String> lines, String source) {
        List<ConsoleUser> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            // The hash holds no ':' ({bcrypt}$2a$10$…), so the first and the last colon split the three fields.
            int first = line.indexOf(':');
            int last = line.lastIndexOf(':');
            String where = source + " line " + (i + 1);
            if (first <= 0 || last == first) {
                throw new UsageException(where + ": expected username:password-hash:ROLE");
            }
            String username = line.substring(0, first);
            String hash = line.substring(first + 1, last);
            String role = line.substring(last + 1).strip();
            if (!hash.startsWith("{bcrypt}") && !hash.startsWith("{noop}")) {
                throw new UsageException(where + ": the password hash must start with {bcrypt} (or {noop} for tests)");
            }
            ConsoleRole consoleRole;
            try {
                consoleRole = ConsoleRole.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw new UsageException(where + ": role must be VIEWER or OPERATOR, not '" + role + "'");
            }
            if (!names.add(username)) {
                throw new UsageException(where + ": user " + username + " is listed twice");
            }
            users.add(new ConsoleUser(username, hash, consoleRole));
        }
        if (users.isEmpty()) {
            throw new UsageException(source + " lists no users");
        }
        return users;
    }
}
