package kz.orleu.benefits.console;

import kz.orleu.benefits.quarter.Quarter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /quarters}: every benefit quarter's versions, which are stale, and running a quarter again. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class QuartersController {

    private final QuarterQueries quarters;
    private final ConsoleActions actions;

    public QuartersController(QuarterQueries quarters, ConsoleActions actions) {
        this.quarters = quarters;
        this.actions = actions;
    }

    @GetMapping("/quarters")
    String quarters(Model model) {
        model.addAttribute("quarters", quarters.quarters());
        return "console/quarters";
    }

    @GetMapping("/quarters/{quarter}/confirm/rerun")
    String confirm(@PathVariable String quarter, Model model) {
        model.addAttribute("quarter", quarter(quarter));
        return "console/confirm-rerun";
    }

    @PostMapping("/quarters/{quarter}/rerun")
    String rerun(@PathVariable String quarter, Authentication authentication, RedirectAttributes redirect) {
        ConsoleActions.Outcome outcome = actions.rerun(quarter(quarter), authentication.getName());
        redirect.addFlashAttribute("outcome", outcome);
        return outcome.done() ? "redirect:/executions?quarter=" + quarter : "redirect:/quarters";
    }

    static Quarter quarter(String text) {
        try {
            return Quarter.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
