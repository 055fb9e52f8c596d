package com.acme.billing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public final class Database {
    private static final String URL = "jdbc:postgresql://db.internal:5432/billing";
    private static final String USER = "admin";
    private static final String PASSWORD = "hunter2";

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    static String invoicesFor(String customerId) {
        StringBuilder json = new StringBuilder("[");
        try (Connection c = connect();
             PreparedStatement st = c.prepareStatement("SELECT id, total_cents FROM invoices WHERE customer_id = ?")) {
            st.setString(1, customerId);
            ResultSet rs = st.executeQuery();
            while (rs.next()) {
                if (json.length() > 1) json.append(',');
                json.append("{\"id\":\"").append(rs.getString(1)).append("\",\"total\":").append(rs.getLong(2)).append('}');
            }
        } catch (SQLException e) {
            throw new RuntimeException(e);
        }
        return json.append(']').toString();
    }

    static byte[] renderPdf(String invoiceId) {
        return ("%PDF-1.4 invoice " + invoiceId).getBytes();
    }

    static int closeOverdueInvoices() throws SQLException {
        try (Connection c = connect()) {
            return c.createStatement().executeUpdate(
                "UPDATE invoices SET status = 'overdue' WHERE due_at < now() AND status = 'open'");
        }
    }
}
