/**
 * « Show code » in the docs: the story's markup as a webmaster would paste it, with JSON attributes
 * between single quotes (the browser's serialisation would escape every quote as &quot;).
 */
const VOID = new Set(['br', 'img', 'input', 'meta', 'link', 'hr', 'source', 'wbr']);

/**
 * Storybook's own copy of the map's default geometry (served at /geo/): on a webmaster's site the map finds it next to
 * the script, so the pasted code leaves it out rather than point at a path the site does not have.
 */
const STORYBOOK_GEOMETRY = /^\/geo\/france-(?:regions|departements)\.topo\.json$/;

function serialise(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = (node as Text).data;
    return node.parentNode?.nodeName.toLowerCase() === 'script'
      ? text
      : text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const el = node as Element;
  const attrs = [...el.attributes]
    .filter(
      (a) => !(el.localName === 'relance-territory-map' && a.name === 'geometry' && STORYBOOK_GEOMETRY.test(a.value)),
    )
    .map((a) => {
      if (a.value === '') return ` ${a.name}`;
      const single = a.value.includes('"') && !a.value.includes("'");
      return single ? ` ${a.name}='${a.value}'` : ` ${a.name}="${a.value.replace(/"/g, '&quot;')}"`;
    })
    .join('');
  const open = `<${el.localName}${attrs}>`;
  if (VOID.has(el.localName)) return open;
  return `${open}${[...el.childNodes].map(serialise).join('')}</${el.localName}>`;
}

/** Re-serialises the HTML Storybook extracted from a story. */
export function pasteableSource(code: string): string {
  const doc = new DOMParser().parseFromString(`<body>${code}</body>`, 'text/html');
  const html = [...doc.body.childNodes]
    .map(serialise)
    .join('')
    .replace(/<!---->/g, '');
  const script = '<script type="module" src="/chemin/vers/france-relance-widgets.js"></script>';
  return `${script}\n\n${html.trim()}`;
}
