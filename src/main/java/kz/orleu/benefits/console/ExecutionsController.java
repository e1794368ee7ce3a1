package kz.orleu.benefits.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import kz.orleu.benefits.run.RunContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /executions} and {@code /executions/{id}}: what ran, how it went, and restart, stop or abandon. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ExecutionsController {

    static final List<String> STATUSES = List.of("STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED",
            "ABANDONED", "UNKNOWN");
    private static final Set<String> ACTIONS = Set.of("restart", "stop", "abandon");

    private final ExecutionQueries executions;
    private final ConsoleActions actions;
    private final ConsoleAudit audit;

    public ExecutionsController(ExecutionQueries executions, ConsoleActions actions, ConsoleAudit audit) {
        this.executions = executions;
        this.actions = actions;
        this.audit = audit;
    }

    @GetMapping("/executions")
    String list(@RequestParam(required = false) String quarter, @RequestParam(required = false) String status,
            Model model) {
        List<ExecutionQueries.Execution> list = executions.executions(quarter, status, 200);
        model.addAttribute("executions", list);
        model.addAttribute("quarters", executions.quarters());
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("quarter", quarter);
        model.addAttribute("status", status);
        model.addAttribute("anyRunning",
                actions.runInFlight() || list.stream().anyMatch(ExecutionQueries.Execution::running));
        return "console/executions";
    }

    @GetMapping("/executions/{id}")
    String detail(@PathVariable long id, Authentication authentication, Model model) {
        ExecutionQueries.Execution execution = execution(id);
        model.addAttribute("execution", execution);
        model.addAttribute("steps", executions.steps(id));
        model.addAttribute("parameters", executions.parameters(id));
        model.addAttribute("audit", audit.ofExecution(id));
        boolean operator = ConsoleRole.isOperator(authentication);
        Path folder = outputFolder(id);
        model.addAttribute("outputs", List.of(OutputFile.values()).stream()
                .filter(f -> operator || !f.namesFamilies())
                .filter(f -> folder != null && Files.isRegularFile(folder.resolve(f.fileName()))).toList());
        return "console/execution";
    }

    @GetMapping("/executions/{id}/confirm/{action}")
    String confirm(@PathVariable long id, @PathVariable String action, Model model) {
        if (!ACTIONS.contains(action)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such action: " + action);
        }
        model.addAttribute("execution", execution(id));
        model.addAttribute("action", action);
        return "console/confirm";
    }

    @PostMapping("/executions/{id}/restart")
    String restart(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        ExecutionQueries.Execution execution = execution(id);
        ConsoleActions.Outcome outcome = actions.restart(id, authentication.getName());
        redirect.addFlashAttribute("outcome", outcome);
        return outcome.done() ? "redirect:/executions?quarter=" + execution.quarter() : "redirect:/executions/" + id;
    }

    @PostMapping("/executions/{id}/stop")
    String stop(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        execution(id);
        redirect.addFlashAttribute("outcome", actions.stop(id, authentication.getName()));
        return "redirect:/executions/" + id;
    }

    @PostMapping("/executions/{id}/abandon")
    String abandon(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        execution(id);
        redirect.addFlashAttribute("outcome", actions.abandon(id, authentication.getName()));
        return "redirect:/executions/" + id;
    }

    /** A file of the execution's output folder: the workbook for everyone, files naming families for operators. */
    @GetMapping("/executions/{id}/outputs/{file}")
    ResponseEntity<Resource> output(@PathVariable long id, @PathVariable String file, Authentication authentication) {
        OutputFile output = OutputFile.named(file)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such output: " + file));
        if (output.namesFamilies() && !ConsoleRole.isOperator(authentication)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, file + " names families: for operators only");
        }
        Path folder = outputFolder(id);
        if (folder == null || !Files.isRegularFile(folder.resolve(output.fileName()))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, file + " is not in the output folder");
        }
        MediaType type = file.endsWith(".csv") ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(execution(id).quarter() + "-" + output.fileName()).build().toString())
                .body(new FileSystemResource(folder.resolve(output.fileName())));
    }

    ExecutionQueries.Execution execution(long id) {
        return executions.execution(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no job execution with id " + id));
    }

    /** {@code <output>/<benefit quarter>/}, as the job publishes it; null before the job knew its parameters. */
    private Path outputFolder(long id) {
        String output = executions.parameter(id, RunContext.OUTPUT).orElse(null);
        String quarter = executions.parameter(id, RunContext.QUARTER).orElse(null);
        return output == null || quarter == null ? null : Path.of(output, quarter);
    }
}
