/**
 * A schema applied part by part, so that the checks across fields can run on what did parse while the schema
 * fails elsewhere: an object field by field, a list row by row (a row that fails is left out whole). What failed
 * is remembered, so a check whose inputs failed is skipped rather than run on a gap.
 */
import { z } from "zod";
import { pathText, type Path } from "./problems";

export interface PartialParse<T> {
  /** The parts that parsed: a field that failed is absent, a list holds only its rows that parsed. */
  readonly value: T;
  /** Nothing at or under this path failed. */
  readonly intact: (path: Path) => boolean;
  /** A path into `value` as a path into the input: each kept row's index in its list as the input had it. */
  readonly inputPath: (path: Path) => Path;
  /** The input rows of a list that failed and were left out. */
  readonly dropped: (path: Path) => readonly unknown[];
}

const FAILED = Symbol("failed");

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function unwrapped(schema: z.ZodType): z.ZodType {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner;
}

/**
 * The input parsed by `schema` as far as it goes (see PartialParse); the whole of it when it parses. failsWhole:
 * the caller has just seen the whole input fail, so it is not parsed whole again.
 */
export function parsePartly<S extends z.ZodType>(
  schema: S,
  input: unknown,
  failsWhole = false,
): PartialParse<z.output<S>> {
  const failed: string[] = [];
  const kept = new Map<string, readonly number[]>();
  const droppedRows = new Map<string, unknown[]>();
  const walk = (part: z.ZodType, value: unknown, path: Path, known = false): unknown => {
    // known: the caller knows that the whole fails (it just tried), so the parts are tried at once.
    const whole = known ? undefined : part.safeParse(value);
    if (whole?.success) return whole.data;
    const inner = unwrapped(part);
    if (inner instanceof z.ZodObject && (isRecord(value) || value === FAILED)) {
      const fields = isRecord(value) ? value : {};
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
        const parsed = walk(field, fields[key], [...path, key]);
        if (parsed !== FAILED && parsed !== undefined) out[key] = parsed;
      }
      return out;
    }
    if (inner instanceof z.ZodArray && Array.isArray(value)) {
      const element = inner.element as z.ZodType;
      const rows: unknown[] = [];
      const indexes: number[] = [];
      const dropped: unknown[] = [];
      value.forEach((row, index) => {
        const parsed = element.safeParse(row);
        if (parsed.success) {
          rows.push(parsed.data);
          indexes.push(index);
        } else {
          failed.push(pathText([...path, index]));
          dropped.push(row);
        }
      });
      kept.set(pathText(path), indexes);
      droppedRows.set(pathText(path), dropped);
      return rows;
    }
    failed.push(pathText(path));
    // A list or group that is not one at all stands as an empty one, so that the checks over it see nothing.
    if (inner instanceof z.ZodArray) return [];
    if (inner instanceof z.ZodObject) return walk(inner, FAILED, path);
    return FAILED;
  };
  const value = walk(schema, input, [], failsWhole) as z.output<S>;
  return {
    value,
    intact: (path) => {
      const text = pathText(path);
      return !failed.some(
        (f) => text === "" || f === text || f.startsWith(`${text}.`) || f.startsWith(`${text}[`),
      );
    },
    inputPath: (path) =>
      path.map((key, i) =>
        typeof key === "number" ? (kept.get(pathText(path.slice(0, i)))?.[key] ?? key) : key,
      ),
    dropped: (path) => droppedRows.get(pathText(path)) ?? [],
  };
}
