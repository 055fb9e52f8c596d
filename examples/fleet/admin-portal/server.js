require("dotenv").config();
const express = require("express");
const session = require("express-session");
const multer = require("multer");
const db = require("./db");
const logger = require("./logger");

const app = express();
const upload = multer({ dest: "uploads/" });

app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: "keyboard-cat-EXAMPLE-9f8e7d6c", resave: false, saveUninitialized: true }));

app.post("/login", (req, res) => {
  if (req.body.password === "hunter2") {
    req.session.admin = true;
    return res.redirect("/customers");
  }
  res.status(401).send("nope");
});

app.get("/customers", async (req, res) => {
  const { rows } = await db.query("SELECT id, email, plan FROM customers ORDER BY id DESC LIMIT 100");
  res.json(rows);
});

app.post("/customers/:id/refund", async (req, res) => {
  await db.query("UPDATE orders SET status = 'refunded' WHERE customer_id = $1", [req.params.id]);
  logger.info(`refunded customer ${req.params.id}`);
  res.sendStatus(204);
});

// Support agents attach screenshots to tickets; kept on local disk.
app.post("/tickets/:id/attachments", upload.single("file"), (req, res) => {
  logger.info(`stored ${req.file.path} for ticket ${req.params.id}`);
  res.sendStatus(201);
});

// Hourly digest of new signups, emailed to the support lead.
setInterval(async () => {
  const { rows } = await db.query("SELECT count(*) FROM customers WHERE created_at > now() - interval '1 hour'");
  logger.info(`signups last hour: ${rows[0].count}`);
}, 60 * 60 * 1000);

app.listen(8080, () => {
  logger.info("admin portal listening on 8080");
});
