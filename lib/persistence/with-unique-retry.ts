/**
 * Runs a transactional write once more when it lost a unique-key race (Prisma's P2002): two workers creating
 * the same team or service at once, where an upsert is not atomic in PostgreSQL. The losing transaction
 * rolled back whole, so trying again is safe and then finds the row the winner made.
 */
export async function withUniqueRetry<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    return write();
  }
}
