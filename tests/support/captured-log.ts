/**
 * The server log as a test sees it: server/log.ts writes one JSON line per entry to stdout, and
 * `captureLog()` keeps every line written until `stop()` (nothing reaches the terminal meanwhile).
 */
import { vi } from "vitest";
import { logger } from "@/server/log";

export interface CapturedLog {
  /** Everything written, as one text. */
  readonly text: string;
  /** The JSON lines, parsed. */
  entries(): Record<string, unknown>[];
  stop(): void;
}

export function captureLog(): CapturedLog {
  const written: string[] = [];
  // The integration run logs warnings only (vitest.config.ts); a test reading the log sees every line.
  const level = logger.level;
  logger.level = "info";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string | Uint8Array) => {
    written.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  }) as typeof process.stdout.write);
  return {
    get text() {
      return written.join("");
    },
    entries: () =>
      written
        .join("")
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => {
      spy.mockRestore();
      logger.level = level;
    },
  };
}
