package org.fairkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.fairkit.orchestration.schedule.AuditScheduler;
import org.fairkit.orchestration.schedule.Trigger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit monitor --config monitor.yml [--once]}: a long-running process that audits a source's new files on
 * a schedule (orchestration's {@link AuditScheduler}), records every window in the history, serves the fairness
 * gauges on a Prometheus endpoint and delivers alerts to webhooks ({@link MonitorService}). It stops cleanly on
 * SIGTERM or Ctrl-C: a shutdown hook stops further starts, waits for the run in flight to finish (its window
 * recorded, its alerts delivered or dead-lettered), closes the endpoint, and prints {@code stopped}.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Audit a source's new files on a schedule: history, Prometheus metrics, webhook alerts. "
                + "Stops cleanly on SIGTERM.")
final class MonitorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "The monitor.yml.")
    Path config;

    @Option(names = "--once", description = "Run one pass over the source and exit (for cron and tests).")
    boolean once;

    @Override
    public Integer call() throws Exception {
        FairkitCommand root = (FairkitCommand) spec.root().userObject();
        MonitorConfig cfg = MonitorConfig.read(config);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MonitorService service = new MonitorService(cfg, root.clock(), out, err);
        if (once) {
            try (service) {
                service.tick();
            }
            return ExitCode.OK;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fairkit-monitor");
            t.setDaemon(true);
            return t;
        });
        AuditScheduler scheduler = AuditScheduler.create(executor, root.clock(), 100);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            service.requestStop();
            scheduler.close();
            service.close();
            executor.shutdown();
            out.println("stopped");
            out.flush();
            stopped.countDown();
        }, "fairkit-monitor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("monitoring " + cfg.glob() + " every " + cfg.every() + " as " + cfg.name()
                + service.endpoint().map(a -> "; metrics at http://" + a.getHostString() + ":" + a.getPort()
                        + "/metrics").orElse("") + "; history " + cfg.history());
        out.flush();
        scheduler.submit(cfg.name(), Trigger.every(cfg.every()), service::tick);
        while (!stopped.await(1, TimeUnit.HOURS)) {
            // wait for the shutdown hook
        }
        return ExitCode.OK;
    }
}
