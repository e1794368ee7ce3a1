package kz.orleu.benefits.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in, and whether the action buttons are theirs to press. */
@ControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleModel {

    @ModelAttribute("username")
    String username(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    @ModelAttribute("operator")
    boolean operator(Authentication authentication) {
        return ConsoleRole.isOperator(authentication);
    }
}
