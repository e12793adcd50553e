// The subset of data.gouv.fr's tabular API (https://tabular-api.data.gouv.fr/api/resources/<rid>/data/) that the
// local portal server answers, translated to SQLite as the real service translates it to PostgREST: the decoded query
// string is split on `&`, each part on `=`; `col__op=value` filters (exact, differs, isnull, isnotnull, contains,
// notcontains, in, notin, less, greater, strictly_less, strictly_greater), `col__sort=asc|desc`, `page`,
// `page_size` (≤ 50), `columns`; bare `col__op` aggregators (groupby, count, sum, avg, min, max) for the resources
// that allow them. `__id` is the row number.
export class TabularError extends Error {
  constructor(status, title, detail) {
    super(typeof detail === 'string' ? detail : detail.message);
    this.status = status;
    this.body = { errors: [{ code: null, title, detail }] };
  }
}

const FILTERS = [
  'exact',
  'differs',
  'isnull',
  'isnotnull',
  'contains',
  'notcontains',
  'in',
  'notin',
  'less',
  'greater',
  'strictly_less',
  'strictly_greater',
  'sort',
];
const AGGREGATORS = ['groupby', 'count', 'sum', 'avg', 'min', 'max'];
export const PAGE_SIZE_MAX = 50;

/** A PostgREST list `a,"b,c","d\"e"` → values. */
export function parseList(text) {
  const out = [];
  let i = 0;
  while (i <= text.length) {
    if (text[i] === '"') {
      let v = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new TabularError(400, 'Invalid query string', 'Malformed query');
        if (text[j] === '\\' && j + 1 < text.length) {
          v += text[j + 1];
          j += 2;
          continue;
        }
        if (text[j] === '"') break;
        v += text[j++];
      }
      out.push(v);
      i = j + 1;
      if (i < text.length && text[i] !== ',') throw new TabularError(400, 'Invalid query string', 'Malformed query');
      i++;
    } else {
      const j = text.indexOf(',', i);
      out.push(j < 0 ? text.slice(i) : text.slice(i, j));
      if (j < 0) break;
      i = j + 1;
    }
  }
  return out;
}

function columnOperator(arg) {
  const parts = arg.split('__');
  const op = parts.pop().toLowerCase();
  return [parts.join('__'), op];
}

/**
 * The SQL of a data request: `{ select, where, params, group, order, limit, offset, page, pageSize, aggregated,
 * keys }`. `columns` is the set of the resource's columns; `allowAggregation` whether aggregators are accepted.
 */
export function translateTabular(rawQuery, { columns, allowAggregation, rid }) {
  let decoded;
  try {
    decoded = decodeURIComponent(rawQuery);
  } catch {
    throw new TabularError(400, 'Invalid query string', 'Malformed query');
  }
  const args = decoded ? decoded.split('&') : [];
  const where = [];
  const params = [];
  const order = [];
  const groupBy = [];
  const aggregates = [];
  let select;
  let page = 1;
  let pageSize = 20;
  const col = (name) => {
    if (name === '__id') return 'rowid';
    if (!columns.has(name))
      throw new TabularError(400, 'Database error', {
        code: '42703',
        details: null,
        hint: null,
        message: `column "${name}" does not exist`,
      });
    return `"${name}"`;
  };
  for (const arg of args) {
    const split = arg.split('=');
    if (split.length === 2) {
      const [key, value] = split;
      if (key === 'page' || key === 'page_size') {
        const n = Number(value);
        if (!Number.isInteger(n) || n < (key === 'page' ? 1 : 0))
          throw new TabularError(400, 'Invalid query string', 'Malformed query');
        if (key === 'page') page = n;
        else pageSize = n;
        continue;
      }
      if (key === 'columns') {
        select = value.split(',').map((c) => `${col(c)} AS "${c}"`);
        continue;
      }
      if (!key.includes('__')) throw new TabularError(400, 'Invalid query string', 'Malformed query');
      const [name, op] = columnOperator(key);
      if (!FILTERS.includes(op)) throw new TabularError(400, 'Invalid query string', 'Malformed query');
      const c = col(name);
      switch (op) {
        case 'sort':
          if (value !== 'asc' && value !== 'desc')
            throw new TabularError(400, 'Invalid query string', 'Malformed query');
          order.push(`${c} ${value.toUpperCase()}`);
          break;
        case 'exact':
          where.push(`${c} = ?`);
          params.push(value);
          break;
        case 'differs':
          where.push(`${c} IS NOT ?`);
          params.push(value);
          break;
        case 'contains':
        case 'notcontains':
          where.push(`${op === 'notcontains' ? 'NOT ' : ''}(${c} LIKE ? ESCAPE '\\')`);
          params.push(`%${value.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
          break;
        case 'in':
        case 'notin': {
          const values = parseList(value);
          where.push(`${c} ${op === 'notin' ? 'NOT ' : ''}IN (${values.map(() => '?').join(', ')})`);
          params.push(...values);
          break;
        }
        case 'less':
        case 'greater':
        case 'strictly_less':
        case 'strictly_greater':
          where.push(`${c} ${{ less: '<=', greater: '>=', strictly_less: '<', strictly_greater: '>' }[op]} ?`);
          params.push(Number.isFinite(Number(value)) ? Number(value) : value);
          break;
        default:
          throw new TabularError(400, 'Invalid query string', 'Malformed query');
      }
    } else if (split.length === 1) {
      const key = split[0];
      if (!key.includes('__')) throw new TabularError(400, 'Invalid query string', 'Malformed query');
      const [name, op] = columnOperator(key);
      if (op === 'isnull' || op === 'isnotnull') {
        where.push(`${col(name)} IS ${op === 'isnotnull' ? 'NOT ' : ''}NULL`);
        continue;
      }
      if (!AGGREGATORS.includes(op)) throw new TabularError(400, 'Invalid query string', 'Malformed query');
      const c = col(name);
      if (op === 'groupby') groupBy.push([name, c]);
      else aggregates.push([`${name}__${op}`, `${op}(${c})`]);
    } else {
      throw new TabularError(400, 'Invalid query string', 'Malformed query');
    }
  }
  if (pageSize > PAGE_SIZE_MAX)
    throw new TabularError(400, 'Invalid query string', 'Page size exceeds allowed maximum');
  const aggregated = groupBy.length > 0 || aggregates.length > 0;
  if (aggregated && !allowAggregation) {
    const ops = [...new Set([...groupBy.map(() => 'groupby'), ...aggregates.map(([k]) => k.split('__').pop())])];
    throw new TabularError(
      403,
      'Invalid query string',
      `Aggregation parameters \`${ops.join('`, `')}\` are not allowed for resource '${rid}'`,
    );
  }
  if (aggregated && select)
    throw new TabularError(400, 'Invalid query string', 'the argument `columns` cannot be set alongside aggregators');
  return { where, params, order, groupBy, aggregates, select, page, pageSize, aggregated };
}
