package kz.orleu.benefits.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Who may see and do what in the console: sign-in, roles, CSRF, and no IIN or name for a viewer. */
@SpringBootTest(properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
class ConsoleSecurityTest {

    private static final ConsoleFixture FIXTURE = ConsoleFixture.failedRun("console_security");
    private static final Pattern IIN_SHAPED = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        FIXTURE.register(registry);
    }

    @Autowired
    MockMvc mvc;

    private static RequestPostProcessor operator() {
        return user(ConsoleFixture.OPERATOR).roles("OPERATOR");
    }

    private static RequestPostProcessor viewer() {
        return user(ConsoleFixture.VIEWER).roles("VIEWER");
    }

    @Test
    void anUnauthenticatedRequestIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/executions/" + FIXTURE.failedExecution)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/executions/" + FIXTURE.failedExecution + "/rejects.csv"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void aUserOfTheUsersFileSignsInWithTheLoginFormAndAWrongPasswordIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", ConsoleFixture.VIEWER).param("password", ConsoleFixture.PASSWORD)
                .with(csrf())).andExpect(redirectedUrl("/executions"));
        mvc.perform(post("/login").param("username", ConsoleFixture.BCRYPT_USER).param("password", "change-me")
                .with(csrf())).andExpect(redirectedUrl("/executions"));
        mvc.perform(post("/login").param("username", ConsoleFixture.VIEWER).param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").param("username", ConsoleFixture.OPERATOR).param("password", ConsoleFixture.PASSWORD))
                .andExpect(status().isForbidden()); // no CSRF token, no sign-in
    }

    @Test
    void aViewersPostIsForbiddenAndChangesNothing() throws Exception {
        String before = FIXTURE.audit();
        mvc.perform(post("/executions/" + FIXTURE.failedExecution + "/abandon").with(viewer()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/quarters/2016Q2/rerun").with(viewer()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/executions/" + FIXTURE.failedExecution + "/confirm/abandon").with(viewer()))
                .andExpect(status().isForbidden());
        assertThat(FIXTURE.audit()).isEqualTo(before);
        assertThat(statusOf(FIXTURE.failedExecution)).isEqualTo("FAILED");
    }

    @Test
    void runningAQuarterAgainThatHasNoCompletedVersionIsRefusedWithTheReason() throws Exception {
        mvc.perform(post("/quarters/2016Q2/rerun").with(operator()).with(csrf())).andExpect(redirectedUrl("/quarters"));
        assertThat(FIXTURE.audit()).contains(ConsoleFixture.OPERATOR
                + " run again 2016Q2 refused: quarter 2016Q2 has no completed version to run again");
    }

    @Test
    void anOperatorsPostWithoutTheCsrfTokenIsForbidden() throws Exception {
        mvc.perform(post("/executions/" + FIXTURE.failedExecution + "/abandon").with(operator()))
                .andExpect(status().isForbidden());
        assertThat(statusOf(FIXTURE.failedExecution)).isEqualTo("FAILED");
    }

    @Test
    void aRefusedActionIsRecordedInTheAuditWithItsReasonAndShownOnTheExecutionsPage() throws Exception {
        mvc.perform(post("/executions/" + FIXTURE.failedExecution + "/stop").with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/executions/" + FIXTURE.failedExecution));
        assertThat(FIXTURE.audit()).contains(ConsoleFixture.OPERATOR + " stop " + FIXTURE.failedExecution
                + " refused: execution " + FIXTURE.failedExecution + " is FAILED, not running");
        String page = body(get("/executions/" + FIXTURE.failedExecution).with(viewer()));
        assertThat(page).contains("Actions taken in the console").contains(ConsoleFixture.OPERATOR)
                .contains("refused: execution " + FIXTURE.failedExecution + " is FAILED");
    }

    @Test
    void aViewerSeesNoIinAndNoNameOnAnyPageOrDownload() throws Exception {
        long id = FIXTURE.failedExecution;
        for (String url : new String[] {"/executions", "/executions/" + id, "/executions/" + id + "/rejects",
                "/executions/" + id + "/rejects?file=members.csv", "/executions/" + id + "/rejects.csv",
                "/quarters", "/families/F000014?quarter=2016Q2", "/families/F000017?quarter=2016Q2"}) {
            String page = body(get(url).with(viewer()));
            assertThat(IIN_SHAPED.matcher(page).find()).as("an IIN on " + url).isFalse();
            assertThat(ConsoleFixture.memberNames()).as("names on " + url).noneMatch(page::contains);
        }
        // The same pages give an operator the values (else the check above would prove nothing).
        String rejects = body(get("/executions/" + id + "/rejects.csv").with(operator()));
        assertThat(IIN_SHAPED.matcher(rejects).find()).isTrue();
    }

    @Test
    void filesThatNameFamiliesAreForOperatorsOnly() throws Exception {
        mvc.perform(get("/executions/" + FIXTURE.failedExecution + "/outputs/payments.csv").with(viewer()))
                .andExpect(status().isForbidden());
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String statusOf(long executionId) throws Exception {
        return kz.orleu.benefits.support.Sql.text(FIXTURE.db,
                "select status from batch_job_execution where job_execution_id = " + executionId);
    }
}
