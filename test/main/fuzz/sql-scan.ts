import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Finds every SQL text handed to better-sqlite3 (`prepare`, `exec`, `pragma`
 * on a Database) and reports those not written as a constant: a template
 * literal with `${…}`, a `+` concatenation, a variable that is not a const
 * string, a call. The type checker decides what is a better-sqlite3 call,
 * so `RegExp.exec` and other `prepare`s are not confused with SQL.
 */

export interface SqlSite {
  /** Path relative to the repository, with forward slashes. */
  file: string;
  line: number;
  method: 'prepare' | 'exec' | 'pragma';
  /** The argument as written in the source. */
  text: string;
  constant: boolean;
}

const METHODS = new Set(['prepare', 'exec', 'pragma']);

/** `.ts` files under `dirs` (relative to `root`) that could reach SQLite. */
export function candidateFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') walk(p);
      else if (e.isFile() && /\.(ts|mts)$/.test(e.name) && /\.(prepare|exec|pragma)\(/.test(fs.readFileSync(p, 'utf8'))) out.push(p);
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  return out;
}

/** A const declared as a plain string (no `${}`), the only non-literal argument we accept. */
function isConstString(checker: ts.TypeChecker, id: ts.Identifier): boolean {
  const decl = checker.getSymbolAtLocation(id)?.valueDeclaration;
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return false;
  const list = decl.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return false;
  return ts.isStringLiteral(decl.initializer) || ts.isNoSubstitutionTemplateLiteral(decl.initializer);
}

function isConstant(checker: ts.TypeChecker, arg: ts.Expression): boolean {
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return true;
  if (ts.isParenthesizedExpression(arg)) return isConstant(checker, arg.expression);
  if (ts.isIdentifier(arg)) return isConstString(checker, arg);
  return false;
}

/** Whether the called method is declared by better-sqlite3's typings. */
function isSqliteMethod(checker: ts.TypeChecker, name: ts.MemberName): boolean {
  const decls = checker.getSymbolAtLocation(name)?.declarations ?? [];
  return decls.some((d) => d.getSourceFile().fileName.includes('/better-sqlite3/'));
}

/**
 * Every better-sqlite3 SQL call in `files`. `virtual` adds in-memory files
 * (path → text) so a test can show the scan catches a bad one.
 */
export function scanSql(root: string, files: readonly string[], virtual: Record<string, string> = {}): SqlSite[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true, noEmit: true, skipLibCheck: true, types: ['node'], allowImportingTsExtensions: true,
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  const getSource = host.getSourceFile.bind(host);
  host.readFile = (f) => virtual[f] ?? read(f);
  host.fileExists = (f) => f in virtual || exists(f);
  host.getSourceFile = (f, lang, ...rest) =>
    f in virtual ? ts.createSourceFile(f, virtual[f]!, lang) : getSource(f, lang, ...rest);
  const roots = [...files, ...Object.keys(virtual)];
  const program = ts.createProgram(roots, options, host);
  const checker = program.getTypeChecker();
  const sites: SqlSite[] = [];
  for (const file of roots) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`${file}: not parsed`);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && METHODS.has(node.expression.name.text)) {
        const arg = node.arguments[0];
        if (arg && isSqliteMethod(checker, node.expression.name)) {
          sites.push({
            file: path.relative(root, file).split(path.sep).join('/'),
            line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
            method: node.expression.name.text as SqlSite['method'],
            text: arg.getText(sf),
            constant: isConstant(checker, arg),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return sites;
}
