package kz.orleu.benefits.console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import kz.orleu.benefits.correction.FamilyVersionHistory;
import kz.orleu.benefits.explain.DecisionExplainer;
import kz.orleu.benefits.quarter.Quarter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /families/{familyId}?quarter=Q[&version=V]}: the decision record {@code benefits explain} prints, and
 * the family's versions of the quarter. The record lists the members by IIN and name, so a VIEWER gets the
 * versions only.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class FamiliesController {

    private final DecisionExplainer explainer;
    private final FamilyVersionHistory history;

    public FamiliesController(DecisionExplainer explainer, FamilyVersionHistory history) {
        this.explainer = explainer;
        this.history = history;
    }

    /** The search form's target: on to the family's own address, which runbooks and e-mails can link to. */
    @GetMapping("/families")
    String find(@RequestParam String familyId, @RequestParam String quarter) {
        return "redirect:" + UriComponentsBuilder.fromPath("/families/{id}").queryParam("quarter", quarter.strip())
                .buildAndExpand(familyId.strip()).encode().toUriString();
    }

    @GetMapping("/families/{familyId}")
    String family(@PathVariable String familyId, @RequestParam String quarter,
            @RequestParam(required = false) Integer version, Authentication authentication, Model model) {
        Quarter benefitQuarter = QuartersController.quarter(quarter);
        boolean operator = ConsoleRole.isOperator(authentication);
        model.addAttribute("familyId", familyId);
        model.addAttribute("quarter", benefitQuarter.toString());
        model.addAttribute("version", version);
        if (operator) {
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            boolean found = explainer.explain(familyId, benefitQuarter, version,
                    new PrintStream(record, true, StandardCharsets.UTF_8));
            model.addAttribute("found", found);
            model.addAttribute("record", record.toString(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream versions = new ByteArrayOutputStream();
        history.print(familyId, benefitQuarter, new PrintStream(versions, true, StandardCharsets.UTF_8));
        model.addAttribute("versions", PersonalData.withoutIins(versions.toString(StandardCharsets.UTF_8)));
        return "console/family";
    }
}
