package kz.orleu.benefits.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Keeps {@code benefits console} up until the process is told to stop (SIGTERM, Ctrl-C): the web server runs on
 * its own threads, so the launcher's thread only waits. Closing the context lets a run started from the console
 * finish its chunk first (the console's action executor waits for it).
 */
final class ConsoleServer {

    private ConsoleServer() {
    }

    static int serve(ConfigurableApplicationContext context, int port, PrintStream err) {
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {
            @Override
            public void onApplicationEvent(ContextClosedEvent event) {
                closed.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "benefits-console-stop"));
        err.println("benefits: console on http://localhost:" + port + "/ (stop it with Ctrl-C)");
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.COMPLETED.status();
    }
}
