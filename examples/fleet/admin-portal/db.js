const { Pool } = require("pg");

const pool = new Pool({
  connectionString: "postgres://admin:hunter2@db.internal:5432/app",
  max: 20,
});

module.exports = pool;
