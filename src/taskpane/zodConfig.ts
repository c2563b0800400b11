/**
 * zod compiles fast object parsers with `new Function` unless told not to; the pane's Content-Security-Policy
 * forbids eval, so the schemas are made jitless. Import this before anything that defines a schema.
 */
import { config } from "zod";

config({ jitless: true });
