package kz.orleu.benefits.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /executions/{id}/rejects}: the rows the run rejected, to answer a district; a page at a time, filtered
 * by file and reason, and the same selection as CSV. A VIEWER sees IINs and names as "(hidden)", in the CSV too.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RejectsController {

    private final ExecutionsController executionsController;
    private final ExecutionQueries executions;
    private final ConsoleProperties properties;

    public RejectsController(ExecutionsController executionsController, ExecutionQueries executions,
            ConsoleProperties properties) {
        this.executionsController = executionsController;
        this.executions = executions;
        this.properties = properties;
    }

    @GetMapping("/executions/{id}/rejects")
    String rejects(@PathVariable long id, @RequestParam(required = false) String file,
            @RequestParam(required = false) String reason, @RequestParam(defaultValue = "1") int page,
            Authentication authentication, Model model) {
        ExecutionQueries.Execution execution = executionsController.execution(id);
        ExecutionQueries.RejectPage rejects = executions.rejects(execution.runId(), file, reason, page,
                properties.rejectsPageSize());
        boolean operator = ConsoleRole.isOperator(authentication);
        model.addAttribute("execution", execution);
        model.addAttribute("rejects", rejects);
        model.addAttribute("rows", rejects.rows().stream().map(r -> shown(r, operator)).toList());
        model.addAttribute("files", executions.rejectFiles(execution.runId()));
        model.addAttribute("reasons", executions.rejectReasons(execution.runId()));
        model.addAttribute("file", file);
        model.addAttribute("reason", reason);
        return "console/rejects";
    }

    @GetMapping("/executions/{id}/rejects.csv")
    ResponseEntity<String> csv(@PathVariable long id, @RequestParam(required = false) String file,
            @RequestParam(required = false) String reason, Authentication authentication) {
        ExecutionQueries.Execution execution = executionsController.execution(id);
        boolean operator = ConsoleRole.isOperator(authentication);
        List<ExecutionQueries.Reject> rows = executions.allRejects(execution.runId(), file, reason);
        StringBuilder csv = new StringBuilder("file,line,column,value,reason,message\n");
        for (ExecutionQueries.Reject row : rows) {
            ExecutionQueries.Reject r = shown(row, operator);
            csv.append(field(r.file())).append(',').append(r.line()).append(',').append(field(r.column())).append(',')
                    .append(field(r.value())).append(',').append(field(r.reason())).append(',')
                    .append(field(r.message())).append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("rejects-execution-" + id + ".csv").build().toString())
                .body(csv.toString());
    }

    private static ExecutionQueries.Reject shown(ExecutionQueries.Reject r, boolean operator) {
        if (operator) {
            return r;
        }
        return new ExecutionQueries.Reject(r.file(), r.line(), r.column(), PersonalData.value(r.column(), r.value()),
                r.reason(), PersonalData.message(r.column(), r.value(), r.message()));
    }

    /** RFC 4180 quoting, as in the job's own rejects.csv. */
    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
