package kz.orleu.benefits.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import kz.orleu.benefits.BenefitsApplication;
import kz.orleu.benefits.InstallationHome;
import kz.orleu.benefits.declaration.InputFingerprint;
import kz.orleu.benefits.declaration.InputPreflight;
import kz.orleu.benefits.csv.UnusableInputException;
import kz.orleu.benefits.job.GracefulShutdown;
import kz.orleu.benefits.output.OutputPreflight;
import kz.orleu.benefits.simulation.Simulation;
import kz.orleu.benefits.store.embedded.HomeInUseException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The entry point behind {@code ops/benefits}: parses the command line, checks the input before anything is
 * written, starts the application (and the embedded database when no server is configured), runs the
 * subcommand and exits with the status of {@link ExitCode}.
 */
public final class Launcher {

    private final PrintStream err;

    public Launcher(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        GracefulShutdown.exit(new Launcher(System.err).execute(args));
    }

    public int execute(String... args) {
        if (args.length == 1 && args[0].equals("db-console")) {
            try {
                String home = System.getenv("BENEFITS_HOME");
                return ServeDatabase.serve(home == null || home.isBlank() ? InstallationHome.defaultHome()
                        : java.nio.file.Path.of(home));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } catch (RuntimeException e) {
                return usage(e.getMessage());
            }
        }
        Command command;
        try {
            command = Command.parse(args);
            if (command instanceof Command.Run run) {
                InputPreflight.check(run.input(), run.quarter());
                OutputPreflight.check(run.output());
                InputFingerprint.computeAhead(run.input());
            }
            if (command instanceof Command.Simulate simulate) {
                InputPreflight.check(simulate.input(), simulate.quarter());
                OutputPreflight.check(simulate.output());
                InputFingerprint.computeAhead(simulate.input());
                for (var proposal : simulate.proposals()) {
                    Simulation.checkProposal(simulate.input(), simulate.quarter(), proposal);
                }
            }
        } catch (UsageException | UnusableInputException e) {
            return usage(e.getMessage());
        }
        ConfigurableApplicationContext context;
        try {
            context = start(command);
        } catch (RuntimeException e) {
            return usage(startProblem(e));
        }
        if (command instanceof Command.Console console) {
            return ConsoleServer.serve(context, console.port(), err);
        }
        if (command instanceof Command.Worker) {
            return WorkerServer.serve(context, err);
        }
        try (context) {
            return context.getBean(BatchCommands.class).execute(command).status();
        } catch (UsageException | UnusableInputException e) {
            return usage(e.getMessage());
        }
    }

    private int usage(String message) {
        err.println("benefits: " + message);
        return ExitCode.USAGE.status();
    }

    private static ConfigurableApplicationContext start(Command command) {
        Map<String, Object> properties = new HashMap<>();
        if (command.common().dbUrl() != null) {
            properties.put("benefits.db-url", command.common().dbUrl());
        }
        // Listing, stopping and abandoning work against a server another process owns; running does not.
        boolean client = command instanceof Command.Executions || command instanceof Command.Stop
                || command instanceof Command.Abandon || command instanceof Command.Explain
                || command instanceof Command.Run || command instanceof Command.Rerun
                || command instanceof Command.Quarters || command instanceof Command.Simulate
                || command instanceof Command.Console;
        properties.put("benefits.share-running-server", client);
        // Only the console serves web pages: every other subcommand starts no web server and stays as fast.
        // Given as command-line properties because application.yml (which outranks defaults) says none.
        String[] web = command instanceof Command.Console console
                ? new String[] {"--spring.main.web-application-type=servlet", "--server.port=" + console.port()}
                : new String[0];
        if ("json".equalsIgnoreCase(System.getenv("BENEFITS_LOG_FORMAT"))) {
            properties.put("logging.structured.format.console", "logstash");
        }
        return new SpringApplicationBuilder(BenefitsApplication.class)
                .properties(properties)
                .logStartupInfo(false)
                // Not Spring's hook: on SIGTERM the job must finish its chunk with the database still open
                // (GracefulShutdown); the context is closed by execute() when the command returns.
                .registerShutdownHook(false)
                .run(web);
    }

    /** The first cause that says what is wrong with the database or a setting, in one line. */
    static String startProblem(Throwable e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof HomeInUseException || cause instanceof UsageException) {
                return cause.getMessage();
            }
            if (cause instanceof BindException binding) {
                return badSetting(binding);
            }
            if (cause instanceof java.sql.SQLException || cause instanceof java.net.ConnectException) {
                return "cannot reach the database: " + cause.getMessage();
            }
            if (cause.getCause() == null) {
                break;
            }
            cause = cause.getCause();
        }
        return "cannot start: " + (cause == null ? e.getMessage() : cause.getMessage());
    }

    /** Names the setting as the operator gave it (an environment variable, a -D option) and why it is refused. */
    private static String badSetting(BindException binding) {
        Throwable reason = binding;
        while (reason.getCause() != null) {
            reason = reason.getCause();
        }
        ConfigurationProperty property = binding.getProperty();
        String origin = property == null || property.getOrigin() == null ? binding.getName().toString()
                : property.getOrigin().toString();
        return "bad setting " + origin + ": " + reason.getMessage();
    }
}
