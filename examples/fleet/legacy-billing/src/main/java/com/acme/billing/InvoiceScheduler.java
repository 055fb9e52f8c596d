package com.acme.billing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Nightly billing run, scheduled inside the web server's JVM. */
public class InvoiceScheduler {
    private static final Logger LOG = LogManager.getLogger(InvoiceScheduler.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    public void start() {
        executor.scheduleAtFixedRate(() -> {
            try {
                int updated = Database.closeOverdueInvoices();
                LOG.info("Marked {} invoices overdue", updated);
            } catch (Exception e) {
                LOG.error("Nightly billing run failed", e);
            }
        }, 0, 24, TimeUnit.HOURS);
    }
}
