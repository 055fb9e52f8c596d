// Creates a support admin account. Run by hand from a laptop with prod access:
//   node scripts/create-admin.js alice@acme.example
const db = require("../db");

(async () => {
  const email = process.argv[2];
  await db.query("INSERT INTO admins (email, role) VALUES ($1, 'support')", [email]);
  console.log(`created admin ${email}`);
  process.exit(0);
})();
