import amqp from "amqplib";

// Order events from the checkout exchange.
export const AMQP_URL = "amqp://shop:hunter2@10.0.0.31:5672/shop";
export const QUEUE = "orders.created";

export async function openChannel() {
  const connection = await amqp.connect(AMQP_URL);
  const channel = await connection.createChannel();
  await channel.assertQueue(QUEUE, { durable: true });
  await channel.prefetch(10);
  return { connection, channel };
}
