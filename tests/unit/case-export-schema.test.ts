import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CASE_EXPORT_SCHEMA_PATH, caseExportJsonSchema } from "@/server/export/json-schema";

describe("case export JSON Schema", () => {
  it("docs/case-export.schema.json matches the zod schema (run `npm run export:schema` after changing it)", () => {
    expect(readFileSync(CASE_EXPORT_SCHEMA_PATH, "utf8")).toBe(caseExportJsonSchema());
  });
});
