/** Every table, re-exported from one place for Drizzle and drizzle-kit. Add a line per domain file. */
export * from "./accounts";
export * from "./activity";
export * from "./cases";
export * from "./comparison";
export * from "./deciding";
export * from "./health-lists";
export * from "./invitations";
export * from "./journey";
export * from "./notes";
export * from "./opinions";
export * from "./questions";
export * from "./records";
export * from "./live";
export * from "./access-log";
export * from "./sign-in-protection";
export * from "./passkeys";
