// The subset of ODSQL (Opendatasoft Query Language, Explore API v2.1) that the local portal server understands,
// parsed to a tree and translated to SQLite with bound parameters (no value is ever written into the SQL text).
//
// where:    expr := or; or := and (OR and)*; and := not (AND not)*; not := NOT not | primary
//           primary := ( expr ) | "search text" | field (= | : | != | < | > | <= | >=) value
//                    | field IS [NOT] NULL | field LIKE "text" | field IN (value, …)
// select:   * | field [AS alias] | count(*) | count(field) | sum|avg|min|max(field) [AS alias], …
// group_by: field [AS alias], …          order_by: (field | alias | aggregate) [ASC | DESC], …
// Strings are single- or double-quoted, `\` escapes the next character; fields are letters, digits and `_`, or
// back-quoted. Keywords are case-insensitive. A search query (a string alone) is a full-text search: its words,
// folded as the widgets fold them, must each be a word of the record's text (a word ending in `*`: start a word).
import { fold } from '../../scripts/portal-fold.mjs';

const KEYWORDS = new Set(['and', 'or', 'not', 'is', 'null', 'like', 'in', 'as', 'asc', 'desc', 'true', 'false']);
const AGGREGATES = new Set(['count', 'sum', 'avg', 'min', 'max']);

export class OdsqlError extends Error {
  constructor(message, clause) {
    super(message);
    this.clause = clause;
  }
}

/** Tokens of a clause: {t: 'str'|'num'|'id'|'kw'|'op', v, quoted?}. */
export function tokenize(text, clause) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let v = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new OdsqlError(`unterminated string at ${i}`, clause);
        const d = text[j];
        if (d === '\\') {
          if (j + 1 >= text.length) throw new OdsqlError(`dangling escape at ${j}`, clause);
          v += text[j + 1];
          j += 2;
          continue;
        }
        if (d === c) break;
        v += d;
        j++;
      }
      tokens.push({ t: 'str', v });
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const j = text.indexOf('`', i + 1);
      if (j < 0) throw new OdsqlError(`unterminated back-quote at ${i}`, clause);
      const v = text.slice(i + 1, j);
      if (!/^[A-Za-z0-9_]+$/.test(v)) throw new OdsqlError(`invalid field name \`${v}\``, clause);
      tokens.push({ t: 'id', v, quoted: true });
      i = j + 1;
      continue;
    }
    const num = /^\d+(?:\.\d+)?/.exec(text.slice(i));
    if (num) {
      tokens.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (word) {
      const lower = word[0].toLowerCase();
      tokens.push(KEYWORDS.has(lower) ? { t: 'kw', v: lower } : { t: 'id', v: word[0] });
      i += word[0].length;
      continue;
    }
    const op = /^(<=|>=|!=|=|<|>|:|\(|\)|,|\*)/.exec(text.slice(i));
    if (op) {
      tokens.push({ t: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new OdsqlError(`unexpected character ${JSON.stringify(c)} at ${i}`, clause);
  }
  return tokens;
}

class Parser {
  constructor(text, clause) {
    this.clause = clause;
    this.tokens = tokenize(text, clause);
    this.i = 0;
  }
  peek(k = 0) {
    return this.tokens[this.i + k];
  }
  is(t, v) {
    const x = this.peek();
    return !!x && x.t === t && (v === undefined || x.v === v);
  }
  take(t, v) {
    if (!this.is(t, v)) {
      const x = this.peek();
      throw new OdsqlError(`expected ${v ?? t} but found ${x ? JSON.stringify(x.v) : 'end of clause'}`, this.clause);
    }
    return this.tokens[this.i++];
  }
  end() {
    if (this.i < this.tokens.length) throw new OdsqlError(`unexpected ${JSON.stringify(this.peek().v)}`, this.clause);
  }
  field() {
    return { type: 'field', name: this.take('id').v };
  }
  value() {
    const x = this.peek();
    if (x?.t === 'str' || x?.t === 'num') return this.tokens[this.i++].v;
    if (x?.t === 'kw' && (x.v === 'true' || x.v === 'false')) return this.tokens[this.i++].v === 'true';
    throw new OdsqlError(`expected a value but found ${x ? JSON.stringify(x.v) : 'end of clause'}`, this.clause);
  }
  // where
  expr() {
    let left = this.and();
    while (this.is('kw', 'or')) {
      this.i++;
      left = { type: 'or', left, right: this.and() };
    }
    return left;
  }
  and() {
    let left = this.not();
    while (this.is('kw', 'and')) {
      this.i++;
      left = { type: 'and', left, right: this.not() };
    }
    return left;
  }
  not() {
    if (this.is('kw', 'not')) {
      this.i++;
      return { type: 'not', expr: this.not() };
    }
    return this.primary();
  }
  primary() {
    if (this.is('op', '(')) {
      this.i++;
      const e = this.expr();
      this.take('op', ')');
      return e;
    }
    if (this.is('str')) return { type: 'search', text: this.take('str').v };
    const f = this.field();
    if (this.is('kw', 'is')) {
      this.i++;
      const negated = this.is('kw', 'not') ? (this.i++, true) : false;
      this.take('kw', 'null');
      return { type: 'null', field: f, negated };
    }
    if (this.is('kw', 'like')) {
      this.i++;
      return { type: 'like', field: f, text: this.take('str').v };
    }
    if (this.is('kw', 'in')) {
      this.i++;
      this.take('op', '(');
      const values = [this.value()];
      while (this.is('op', ',')) {
        this.i++;
        values.push(this.value());
      }
      this.take('op', ')');
      return { type: 'in', field: f, values };
    }
    const op = this.take('op').v;
    if (!['=', ':', '!=', '<', '>', '<=', '>='].includes(op))
      throw new OdsqlError(`unexpected ${JSON.stringify(op)}`, this.clause);
    return { type: 'cmp', field: f, op: op === ':' ? '=' : op, value: this.value() };
  }
  // select / group_by / order_by items
  term() {
    const x = this.peek();
    if (
      x?.t === 'id' &&
      !x.quoted &&
      AGGREGATES.has(x.v.toLowerCase()) &&
      this.peek(1)?.t === 'op' &&
      this.peek(1).v === '('
    ) {
      const fn = x.v.toLowerCase();
      this.i += 2;
      let arg;
      if (this.is('op', '*')) {
        if (fn !== 'count') throw new OdsqlError(`${fn}(*) is not allowed`, this.clause);
        this.i++;
        arg = '*';
      } else arg = this.field();
      this.take('op', ')');
      return { type: 'agg', fn, arg };
    }
    return this.field();
  }
  list(item) {
    const items = [item()];
    while (this.is('op', ',')) {
      this.i++;
      items.push(item());
    }
    this.end();
    return items;
  }
  alias() {
    if (!this.is('kw', 'as')) return undefined;
    this.i++;
    return this.take('id').v;
  }
}

export function parseWhere(text) {
  const p = new Parser(text, 'where');
  const e = p.expr();
  p.end();
  return e;
}
export function parseSelect(text) {
  const p = new Parser(text, 'select');
  return p.list(() => {
    if (p.is('op', '*')) {
      p.i++;
      return { type: 'star' };
    }
    const term = p.term();
    return { term, alias: p.alias() };
  });
}
export function parseGroupBy(text) {
  const p = new Parser(text, 'group_by');
  return p.list(() => ({ term: p.field(), alias: p.alias() }));
}
export function parseOrderBy(text) {
  const p = new Parser(text, 'order_by');
  return p.list(() => {
    const term = p.term();
    let direction = 'ASC';
    if (p.is('kw', 'asc') || p.is('kw', 'desc')) direction = p.tokens[p.i++].v.toUpperCase();
    return { term, direction };
  });
}

/** The FTS4 MATCH text of a search query: each folded word a token, the last of a `*`-ended chunk a prefix. */
export function matchText(text) {
  const terms = [];
  for (const chunk of text.split(/\s+/)) {
    const prefix = chunk.endsWith('*');
    const words = fold(prefix ? chunk.replace(/\*+$/, '') : chunk)
      .split(' ')
      .filter(Boolean);
    words.forEach((w, k) => terms.push(prefix && k === words.length - 1 ? `"${w}*"` : `"${w}"`));
  }
  return terms.join(' ');
}

/**
 * SQL of a parsed where clause, with its parameters. `column(name)` checks a field (throws an OdsqlError « Unknown
 * field ») and returns its quoted SQL name.
 */
export function whereSql(node, column, params) {
  switch (node.type) {
    case 'or':
      return `(${whereSql(node.left, column, params)} OR ${whereSql(node.right, column, params)})`;
    case 'and':
      return `(${whereSql(node.left, column, params)} AND ${whereSql(node.right, column, params)})`;
    case 'not':
      return `(NOT ${whereSql(node.expr, column, params)})`;
    case 'search': {
      const match = matchText(node.text);
      if (!match) return '1';
      params.push(match);
      return 'records.rowid IN (SELECT docid FROM records_fts WHERE records_fts MATCH ?)';
    }
    case 'null':
      return `(${column(node.field.name)} IS ${node.negated ? 'NOT ' : ''}NULL)`;
    case 'like':
      params.push(`%${String(node.text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      return `(${column(node.field.name)} LIKE ? ESCAPE '\\')`;
    case 'in':
      params.push(...node.values.map(sqlValue));
      return `(${column(node.field.name)} IN (${node.values.map(() => '?').join(', ')}))`;
    case 'cmp':
      params.push(sqlValue(node.value));
      return `(${column(node.field.name)} ${node.op === '!=' ? '<>' : node.op} ?)`;
    default:
      throw new OdsqlError(`unknown node ${node.type}`, 'where');
  }
}

function sqlValue(v) {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/** The key of a select item in the answer: its alias, else its text (`count(*)`, `sum(montant)`, the field). */
export function termKey(item) {
  if (item.alias) return item.alias;
  const t = item.term;
  return t.type === 'agg' ? `${t.fn}(${t.arg === '*' ? '*' : t.arg.name})` : t.name;
}

export function termSql(term, column) {
  if (term.type === 'agg') return `${term.fn}(${term.arg === '*' ? '*' : column(term.arg.name)})`;
  return column(term.name);
}
