/** Writes docs/case-export.schema.json from the zod schema (`npm run export:schema`). */
import { writeFileSync } from "node:fs";
import { CASE_EXPORT_SCHEMA_PATH, caseExportJsonSchema } from "./json-schema";

writeFileSync(CASE_EXPORT_SCHEMA_PATH, caseExportJsonSchema());
console.log(`Wrote ${CASE_EXPORT_SCHEMA_PATH}`);
