package kz.orleu.benefits.console;

import org.springframework.security.core.Authentication;

/** Who may do what in the console: a VIEWER reads, an OPERATOR reads and acts (restart, stop, abandon, run again). */
public enum ConsoleRole {
    VIEWER, OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Operators also see what names a person (IINs, names, files with family ids); viewers never do. */
    public static boolean isOperator(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> OPERATOR.authority().equals(a.getAuthority()));
    }
}
