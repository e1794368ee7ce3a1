package kz.orleu.benefits.console;

/** One line of the users file: {@code username:{bcrypt}hash:ROLE}. */
public record ConsoleUser(String username, String passwordHash, ConsoleRole role) {
}
