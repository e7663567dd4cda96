package dev.retort.cli;

import dev.retort.PlanException;
import dev.retort.run.Experiment;
import dev.retort.store.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** A live read-only page about an experiment, until Ctrl-C. */
@Command(name = "dashboard", description = "Serve a live, read-only page (counts, progress, running trials, results, history) with a token.")
final class DashboardCommand extends CliCommand implements Callable<Integer> {
    @Mixin
    StoreOptions where;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address to bind (default: 127.0.0.1, this machine only; anything else is warned about).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0", description = "The port (default: 0, a free one).")
    int port;

    @Override
    public Integer call() throws Exception {
        Flags.range("--port", (long) port, 0, 65535);
        try (Experiment exp = where.join(); TrialStore store = exp.store()) {
            Dashboard d;
            try {
                d = new Dashboard(exp, store, Clock.systemUTC(), host, port);
            } catch (java.net.BindException | java.net.UnknownHostException e) {
                throw PlanException.at(null, port == 0 ? "--host" : "--host/--port", host + (port == 0 ? "" : ":" + port),
                        "cannot be bound (" + e.getMessage() + ")", "an address of this machine and a free port, or --port 0");
            }
            if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1"))
                err().println("retort: warning: --host " + host + " serves the dashboard beyond this machine; anyone with the URL"
                        + " (its token) can read the experiment");
            d.start();
            out().println("dashboard: " + d.url());
            out().flush();
            err().println("retort: serving " + exp.plan().name() + " read-only; Ctrl-C to stop");
            new CountDownLatch(1).await(); // until the process is stopped
            return 0;
        }
    }
}
