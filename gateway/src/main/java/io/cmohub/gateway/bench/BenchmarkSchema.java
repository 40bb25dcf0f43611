package io.cmohub.gateway.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh PostgreSQL schema for one benchmark run, so a run neither sees nor leaves data in the database it is pointed at. */
record BenchmarkSchema(String baseUrl, String name) {

    static BenchmarkSchema create(String baseUrl) throws SQLException {
        BenchmarkSchema schema = new BenchmarkSchema(baseUrl, "cmohub_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        schema.execute("CREATE SCHEMA " + schema.name);
        return schema;
    }

    /** The URL the gateway connects with: the base URL with this schema as its current schema. */
    String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    void drop() throws SQLException {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
