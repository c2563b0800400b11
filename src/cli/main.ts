/** edu-budget: parses the command line (help in zh-CN and English) and runs a command. */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import type { Context } from "./commands";
import { check, generate, packTemplate, template, validate } from "./commands";
import { compare, type CompareOptions } from "./compare";
import { UserError } from "./errors";
import { explain } from "./explain";
import type { Io } from "./io";
import { neutralise } from "./io";
import type { Lang, Texts } from "./texts";
import { TEXTS, langFromEnv } from "./texts";

/** The language must be known before commander builds the help, so --lang is read ahead of parsing. */
function langFromArgv(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  if (at < 0) return undefined;
  const arg = argv[at] as string;
  return arg.includes("=") ? arg.slice("--lang=".length) : argv[at + 1];
}

const isLang = (value: string | undefined): value is Lang => value === "zh" || value === "en";

function parseLang(value: string): Lang {
  if (!isLang(value)) throw new InvalidArgumentError(`${TEXTS.zh.lang} / ${TEXTS.en.lang}`);
  return value;
}

/** Commander's own error messages, in Chinese. */
const ZH_ERRORS: readonly [RegExp, string][] = [
  [/^error: unknown option '(.*)'/, "错误:未知选项 $1"],
  [/^error: unknown command '(.*)'/, "错误:未知命令 $1"],
  [/^error: option '(.*)' argument missing/, "错误:选项 $1 缺少取值"],
  [/^error: too many arguments.*/, "错误:参数过多"],
  [/^error: option '(.*)' argument '(.*)' is invalid\./, "错误:选项 $1 的取值 $2 无效。"],
  [/\(Did you mean (.*)\?\)/, "(是否想用 $1?)"],
];

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function buildProgram(ctx: Context, setExit: (code: number) => void): Command {
  const { io, t } = ctx;
  const translate = (text: string): string =>
    ctx.lang === "zh" ? ZH_ERRORS.reduce((out, [pattern, zh]) => out.replace(pattern, zh), text) : text;
  const program = new Command("edu-budget")
    .description(t.description)
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(translate(text)),
    })
    .configureHelp({ styleTitle: (title) => t.titles[title as keyof Texts["titles"]] ?? title })
    .helpOption("-h, --help", t.help)
    .helpCommand("help [command]", t.helpCommand)
    .showSuggestionAfterError()
    .version(io.version, "-V, --version", t.version)
    .option("--lang <lang>", t.lang, parseLang)
    .addHelpText("after", t.exitCodes + t.examples);
  const run =
    <O>(command: (options: O, ctx: Context) => Promise<number>) =>
    async (options: O) =>
      setExit(await command(options, ctx));
  const withDistrict = (command: Command): Command =>
    command.option("--sample <id>", t.sample).option("--input <file>", t.input, collect);
  withDistrict(program.command("generate").description(t.generate))
    .option("--pack <id|file>", t.pack)
    .option("--prior <file>", t.prior)
    .option("--out <path>", t.out)
    .option("--force", t.force)
    .action(run(generate));
  program
    .command("template")
    .description(t.template)
    .option("--out <file>", t.templateOut)
    .option("--example <id>", t.example)
    .option("--force", t.force)
    .action(run(template));
  withDistrict(program.command("check").description(t.check))
    .option("--pack <id|file>", t.pack)
    .option("--strict", t.strict)
    .action(run(check));
  withDistrict(program.command("validate").description(t.validate)).action(run(validate));
  program
    .command("pack-template")
    .description(t.packTemplate)
    .option("--format <format>", t.packFormat)
    .option("--based-on <id>", t.packBasedOn)
    .option("--year <year>", t.packYear)
    .option("--out <file>", t.packTemplateOut)
    .option("--force", t.force)
    .action(run(packTemplate));
  withDistrict(program.command("explain").description(t.explain))
    .option("--pack <id|file>", t.pack)
    .option("--out <path>", t.explainOut)
    .option("--force", t.force)
    .action(run(explain));
  program
    .command("compare")
    .description(t.compare)
    .argument("<a>", t.compareA)
    .argument("[b]", t.compareB)
    .option("--scenario <file>", t.scenario)
    .option("--pack <id>", t.pack)
    .option("--out <file>", t.compareOut)
    .option("--force", t.force)
    .option("--all", t.compareAll)
    .action(async (a: string, b: string | undefined, options: CompareOptions) =>
      setExit(await compare(a, b, options, ctx)),
    );
  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 failed checks / input errors in validate, 2 unusable input or usage). */
export async function main(argv: readonly string[], machine: Io): Promise<number> {
  // Text from the input (names, cells, file names) reaches the terminal only with its control characters defused.
  const io: Io = {
    ...machine,
    stdout: (text) => machine.stdout(neutralise(text)),
    stderr: (text) => machine.stderr(neutralise(text)),
  };
  const asked = langFromArgv(argv);
  const lang = isLang(asked) ? asked : langFromEnv(io.env);
  const ctx: Context = { io, lang, t: TEXTS[lang] };
  let exitCode = 0;
  try {
    await buildProgram(ctx, (code) => (exitCode = code)).parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UserError) {
      io.stderr(error.message + "\n");
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(ctx.t.internalError(message) + "\n");
    if (io.env.EDU_BUDGET_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack + "\n");
    return 70;
  }
}
