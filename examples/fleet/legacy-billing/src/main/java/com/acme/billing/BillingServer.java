package com.acme.billing;

import com.sun.net.httpserver.HttpServer;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

public class BillingServer {
    private static final Logger LOG = LogManager.getLogger(BillingServer.class);
    static final String INVOICE_DIR = "/opt/billing/invoices/";

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);

        server.createContext("/invoices", exchange -> {
            String customerId = exchange.getRequestURI().getQuery().replace("customer=", "");
            String json = Database.invoicesFor(customerId);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) { out.write(body); }
        });

        server.createContext("/invoices/render", exchange -> {
            String invoiceId = exchange.getRequestURI().getQuery().replace("id=", "");
            // PDFs are kept on the container's disk and served from there later
            try (FileOutputStream pdf = new FileOutputStream(INVOICE_DIR + invoiceId + ".pdf")) {
                pdf.write(Database.renderPdf(invoiceId));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });

        new InvoiceScheduler().start();
        server.start();
        LOG.info("Billing server started on port 8080");
    }
}
