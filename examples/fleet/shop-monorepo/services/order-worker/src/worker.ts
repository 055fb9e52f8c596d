import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { openChannel, QUEUE } from "./queue.js";
import { startHealthServer } from "./health.js";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const DEAD_LETTER_DIR = "./dead-letters";
mkdirSync(DEAD_LETTER_DIR, { recursive: true });

let connected = false;
startHealthServer(() => connected);

const { channel } = await openChannel();
connected = true;
console.log(JSON.stringify({ msg: "order-worker consuming", queue: QUEUE }));

await channel.consume(QUEUE, async (message) => {
  if (!message) return;
  const order = JSON.parse(message.content.toString()) as { id: string; customerId: string; totalCents: number };
  try {
    await pool.query(
      "INSERT INTO orders (id, customer_id, total_cents, status) VALUES ($1, $2, $3, 'received') ON CONFLICT DO NOTHING",
      [order.id, order.customerId, order.totalCents],
    );
    channel.ack(message);
  } catch (err) {
    // Failed orders are parked on local disk for someone to replay by hand.
    writeFileSync(`${DEAD_LETTER_DIR}/${order.id}.json`, message.content);
    console.error(JSON.stringify({ msg: "order failed", id: order.id, err: String(err) }));
    channel.ack(message);
  }
});
