import { z } from "zod";

/** The queues of a GitHub source's fan-out: one job per repository, and its dead letters. */
export const GITHUB_QUEUES = {
  scanRepository: "scan-repository",
  /** Dead letters of scan-repository: a repository job that failed its last retry (error, timeout, crash). */
  scanRepositoryFailed: "scan-repository-failed",
} as const;

/** One repository of a GitHub source's scan (fanned out by the source scan, one job per repository). */
export const scanRepositoryPayload = z.object({ scanId: z.number().int().positive(), repositoryId: z.number().int().positive() });
export type ScanRepositoryPayload = z.infer<typeof scanRepositoryPayload>;
