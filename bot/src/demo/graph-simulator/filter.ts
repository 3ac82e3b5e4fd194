import { GraphError } from './types';

/**
 * The subset of the OData `$filter` syntax the simulator understands (graph/filter-query-parameter):
 * `eq ne gt ge lt le`, `and`, `or`, `not`, parentheses, `startswith(prop,'x')`, `prop/any(x:x eq 'v')`,
 * string literals with `''` escapes, numbers, `true`, `false`, `null` and unquoted DateTimeOffset literals.
 */
export type Literal = string | number | boolean | null;
export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; expr: FilterExpr }
  | { kind: 'cmp'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; path: string; value: Literal }
  | { kind: 'startswith'; path: string; value: string }
  | { kind: 'any'; path: string; value: Literal };

type Token = { t: 'punct'; v: string } | { t: 'str'; v: string } | { t: 'word'; v: string };

const invalid = (detail: string) => new GraphError(400, 'BadRequest', `Invalid filter clause: ${detail}`);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if ('(),:'.includes(c)) {
      tokens.push({ t: 'punct', v: c });
      i++;
    } else if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= text.length) throw invalid('unterminated string literal');
        if (text[i] === "'" && text[i + 1] === "'") {
          v += "'";
          i += 2;
        } else if (text[i] === "'") break;
        else v += text[i++];
      }
      i++;
      tokens.push({ t: 'str', v });
    } else {
      // A word; DateTimeOffset literals (which start with a digit) may contain ':'.
      const stop = /\d/.test(c) ? /[\s(),]/ : /[\s(),:]/;
      let v = '';
      while (i < text.length && !stop.test(text[i]!)) v += text[i++];
      tokens.push({ t: 'word', v });
    }
  }
  return tokens;
}

const COMPARISONS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;

export function parseFilter(text: string): FilterExpr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => {
    const token = tokens[pos++];
    if (!token) throw invalid('unexpected end of expression');
    return token;
  };
  const expect = (v: string) => {
    const token = next();
    if (token.t !== 'punct' || token.v !== v) throw invalid(`expected '${v}'`);
  };
  const isWord = (v: string) => {
    const token = peek();
    return token?.t === 'word' && token.v.toLowerCase() === v;
  };
  const literal = (): Literal => {
    const token = next();
    if (token.t === 'str') return token.v;
    if (token.t !== 'word') throw invalid('expected a literal');
    if (token.v === 'true' || token.v === 'false') return token.v === 'true';
    if (token.v === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(token.v)) return Number(token.v);
    if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(token.v)) return token.v;
    throw invalid(`unexpected '${token.v}'`);
  };
  const primary = (): FilterExpr => {
    const token = next();
    if (token.t === 'punct' && token.v === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (token.t !== 'word') throw invalid('expected a property');
    if (token.v.toLowerCase() === 'not') return { kind: 'not', expr: primary() };
    if (token.v.toLowerCase() === 'startswith') {
      expect('(');
      const prop = next();
      expect(',');
      const value = literal();
      expect(')');
      if (prop.t !== 'word' || typeof value !== 'string')
        throw invalid('startswith needs a property and a string');
      return { kind: 'startswith', path: prop.v, value };
    }
    if (token.v.toLowerCase().endsWith('/any')) {
      expect('(');
      const variable = next();
      expect(':');
      const again = next();
      if (variable.t !== 'word' || again.t !== 'word' || again.v !== variable.v || !isWord('eq'))
        throw invalid('any() supports only x:x eq value');
      pos++;
      const value = literal();
      expect(')');
      return { kind: 'any', path: token.v.slice(0, -4), value };
    }
    const op = next();
    const opName = op.v.toLowerCase() as (typeof COMPARISONS)[number];
    if (op.t !== 'word' || !COMPARISONS.includes(opName)) throw invalid(`unsupported operator '${op.v}'`);
    return { kind: 'cmp', op: opName, path: token.v, value: literal() };
  };
  const and = (): FilterExpr => {
    let left = primary();
    while (isWord('and')) {
      pos++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): FilterExpr => {
    let left = and();
    while (isWord('or')) {
      pos++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const expr = or();
  if (pos !== tokens.length) throw invalid('unexpected trailing input');
  return expr;
}

/** Every property path the expression reads, e.g. `fields/Status`. */
export function filterPaths(expr: FilterExpr): string[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return [...filterPaths(expr.left), ...filterPaths(expr.right)];
    case 'not':
      return filterPaths(expr.expr);
    default:
      return [expr.path];
  }
}

function equal(a: unknown, b: Literal): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return (a ?? null) === b;
}

function compare(a: unknown, b: Literal): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

export function evaluateFilter(expr: FilterExpr, get: (path: string) => unknown): boolean {
  switch (expr.kind) {
    case 'and':
      return evaluateFilter(expr.left, get) && evaluateFilter(expr.right, get);
    case 'or':
      return evaluateFilter(expr.left, get) || evaluateFilter(expr.right, get);
    case 'not':
      return !evaluateFilter(expr.expr, get);
    case 'startswith': {
      const v = get(expr.path);
      return typeof v === 'string' && v.toLowerCase().startsWith(expr.value.toLowerCase());
    }
    case 'any': {
      const v = get(expr.path);
      return Array.isArray(v) && v.some((x) => equal(x, expr.value));
    }
    case 'cmp': {
      const v = get(expr.path);
      if (expr.op === 'eq') return equal(v, expr.value);
      if (expr.op === 'ne') return !equal(v, expr.value);
      const c = compare(v, expr.value);
      if (c === undefined) return false;
      return { gt: c > 0, ge: c >= 0, lt: c < 0, le: c <= 0 }[expr.op];
    }
  }
}
