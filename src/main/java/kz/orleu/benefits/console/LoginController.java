package kz.orleu.benefits.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class LoginController {

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/executions";
    }
}
