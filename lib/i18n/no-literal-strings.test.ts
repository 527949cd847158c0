import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every text a person reads must come from the message catalogues (lib/i18n/messages), so German
 * is never left with an English word. This walks the components' syntax trees and reports literal
 * text: JSX text, literal values of the attributes people read (aria-label, title, placeholder…),
 * literal strings rendered as children, and literal toast messages.
 */
const ROOT = join(__dirname, "..", "..");
const SCANNED = ["app", "components"];
const READ_ATTRIBUTES = /^(aria-label|aria-description|aria-valuetext|aria-roledescription|title|placeholder|alt|label|description|summary|heading|message)$/;
/** Not words of a language: the product's name and abbreviations read alike everywhere. */
const NOT_TRANSLATED = new Set(["wf-offboard", "CSV", "ID", "OK"]);

/**
 * Files (or folders, ending in "/") still waiting for their translation pass. This list only
 * shrinks; it must end empty.
 */
export const PENDING: readonly string[] = [];
const isPending = (path: string) => PENDING.some((entry) => (entry.endsWith("/") ? path.startsWith(entry) : path === entry));

const isText = (text: string) => /\p{L}{2,}/u.test(text) && !NOT_TRANSLATED.has(text.trim());

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) && !name.endsWith(".d.ts")) found.push(path);
  }
  return found;
}

export function literalTexts(fileName: string, code: string): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${line + 1}: ${JSON.stringify(text.trim().slice(0, 60))}`);
  };
  const isLiteral = (node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
  /** Literal strings an expression can evaluate to (through ?:, ??, || and template parts). */
  const renderedLiterals = (node: ts.Expression): ts.Node[] => {
    if (isLiteral(node)) return [node];
    if (ts.isParenthesizedExpression(node)) return renderedLiterals(node.expression);
    if (ts.isConditionalExpression(node)) return [...renderedLiterals(node.whenTrue), ...renderedLiterals(node.whenFalse)];
    if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.PlusToken].includes(node.operatorToken.kind)) {
      return [...renderedLiterals(node.left), ...renderedLiterals(node.right)];
    }
    if (ts.isTemplateExpression(node)) return [node.head, ...node.templateSpans.map((span) => span.literal)];
    // { idle: "Sign out", pending: "Signing out…" }[state]
    if (ts.isElementAccessExpression(node) && ts.isObjectLiteralExpression(node.expression)) {
      return node.expression.properties.flatMap((property) =>
        ts.isPropertyAssignment(property) ? renderedLiterals(property.initializer) : [],
      );
    }
    return [];
  };
  const textOf = (node: ts.Node) => (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node) ? node.text : "");
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isText(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.test(node.name.getText(source)) && node.initializer) {
      const value = node.initializer;
      const candidates = ts.isJsxExpression(value) && value.expression ? renderedLiterals(value.expression) : [value];
      for (const candidate of candidates) if (isText(textOf(candidate))) report(candidate, textOf(candidate));
    }
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const candidate of renderedLiterals(node.expression)) if (isText(textOf(candidate))) report(candidate, textOf(candidate));
    }
    if (ts.isCallExpression(node) && /^toast(\.\w+)?$/.test(node.expression.getText(source))) {
      for (const argument of node.arguments) {
        for (const candidate of renderedLiterals(argument)) if (isText(textOf(candidate))) report(candidate, textOf(candidate));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("user-facing text", () => {
  it("finds literal text of each kind (the scanner itself)", () => {
    const code = `
      export function A({ n }: { n: number }) {
        toast.success("Saved");
        return (
          <div aria-label="Close" title={n ? "Many" : t("few")} className="px-2">
            Hello there
            {n > 1 ? "people" : "person"}
            {t("users.title")} · {n}
            <span>{\`\${n} jobs\`}</span>
            <b>wf-offboard</b>
            {{ idle: "Sign out", busy: t("busy") }[state]}
          </div>
        );
      }`;
    expect(literalTexts("a.tsx", code)).toEqual([
      '3: "Saved"',
      '5: "Close"',
      '5: "Many"',
      '6: "Hello there"',
      '7: "people"',
      '7: "person"',
      '9: "jobs"',
      '11: "Sign out"',
    ]);
  });

  it("no component renders literal text", () => {
    const problems: Record<string, string[]> = {};
    for (const dir of SCANNED) {
      for (const file of sourceFiles(join(ROOT, dir))) {
        const path = relative(ROOT, file);
        if (isPending(path)) continue;
        const found = literalTexts(path, readFileSync(file, "utf8"));
        if (found.length) problems[path] = found;
      }
    }
    expect(problems).toEqual({});
  });

  it("the pending list names only files that exist and still have literal text", () => {
    const stale = PENDING.filter((path) => !path.endsWith("/")).filter((path) => {
      try {
        return literalTexts(path, readFileSync(join(ROOT, path), "utf8")).length === 0;
      } catch {
        return true;
      }
    });
    expect(stale).toEqual([]);
  });
});
