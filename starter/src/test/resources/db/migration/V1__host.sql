-- The host application's own first migration, in Spring Boot's default Flyway location
-- (classpath:db/migration). Same version as the hub's V1: the two must never meet in one history.
CREATE TABLE host_order (
    order_id VARCHAR(36) PRIMARY KEY,
    product  VARCHAR(14) NOT NULL
);
