/**
 * The JSON Schema of the case export, generated from its zod schema. `npm run export:schema` writes
 * it to docs/case-export.schema.json; tests/unit/case-export-schema.test.ts fails when it is stale.
 */
import { z } from "zod";
import { ZCaseExport } from "@/lib/case-export";

export const CASE_EXPORT_SCHEMA_PATH = "docs/case-export.schema.json";

export function caseExportJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(ZCaseExport, { target: "draft-2020-12" }), null, 2)}\n`;
}
